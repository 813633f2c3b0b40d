// serverless.yml's table: the keys and indexes of table.json (the one definition, also used by the local
// scripts) plus what only a deployed stage needs. Loaded by the Serverless Framework's ${file()} variables.
const definition = require('./table.json')

module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage')
  return {
    TableName: `gridlink-${stage}`,
    ...definition,
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: stage === 'prod' },
    SSESpecification: { SSEEnabled: true },
  }
}
