import type { VolunteerSettings } from '../../../../contracts/volunteering'
import type { IdentityStore } from '../identity/ports'
import type { LedgerDeps } from '../ledger/ports'
import type { ContentSafety } from '../moderation/ports'
import type { QueuedNotice } from '../notifications/model'
import type { NoticeStore } from '../notifications/ports'
import type { DueItem, DueStore } from '../schedule/ports'
import type { Outcome } from '../shared/outcome'
import type { StructureStore } from '../structure/ports'
import type {
  ActivityRecord,
  AttendanceRecord,
  CorrectionRecord,
  CounterAdd,
  Counters,
  Phase,
  PlanRecord,
  PresenceMark,
  RefusalRecord,
  RegistrationRecord,
  ServiceRecordRecord,
  SignedUpBy,
  StatScope,
  UnitRecord,
} from './model'

/** 报到单位 and their pairings with communities (storage/volunteering/units.ts). */
export interface UnitStore {
  get(unitId: string): Promise<UnitRecord | undefined>
  getMany(unitIds: string[]): Promise<UnitRecord[]>
  /** Writes a new unit with its pairings; refused `exists` when the id is taken. */
  create(unit: UnitRecord): Promise<Outcome<'exists'>>
  /** Rewrites the unit and every pairing's copy of it (adding pairings for new communities). */
  update(unit: UnitRecord): Promise<void>
  listForCommunity(communityId: string): Promise<UnitRecord[]>
}

/** One registration per user (双报到 / 志愿者登记) (storage/volunteering/registrations.ts). */
export interface RegistrationStore {
  get(userId: string): Promise<RegistrationRecord | undefined>
  /** Writes the registration; with `counters`, in one transaction with them (an approved one withdrawn by a change). */
  put(r: RegistrationRecord, counters?: CounterAdd[]): Promise<void>
  /** Decides a pending registration (refused `notPending`), counting an approved one in the roll-ups, at once. */
  decide(next: RegistrationRecord, counters: CounterAdd[]): Promise<Outcome<'notPending'>>
  listForCommunity(communityId: string, status?: RegistrationRecord['status']): Promise<RegistrationRecord[]>
  listForUnit(unitId: string): Promise<RegistrationRecord[]>
}

export interface ActivityStore {
  get(activityId: string): Promise<ActivityRecord | undefined>
  getMany(activityIds: string[]): Promise<ActivityRecord[]>
  /** The new activity with its scheduled work (start, end, reminders); refused `exists` when the id is taken. */
  create(a: ActivityRecord, due: DueItem[]): Promise<Outcome<'exists'>>
  /** A community's activities starting from `from` on (upcoming), or before it, newest first (past). */
  listForCommunity(
    communityId: string,
    when: 'upcoming' | 'past',
    from: string,
    limit: number,
  ): Promise<ActivityRecord[]>
  /** The activities the user signed up for (a pointer per sign-up, newest first). */
  listForVolunteer(userId: string, limit: number): Promise<string[]>
  /**
   * Takes a place if one is free and nobody waits, else a place on the waiting list, atomically on the activity
   * (no place is ever given twice, whatever the concurrency). Refused `closed` when the activity no longer takes
   * sign-ups at `now`, `waitlistFull` when the waiting list is full too. `already` when the user is on a list.
   */
  join(
    a: ActivityRecord,
    userId: string,
    now: string,
    maxWaiting: number,
  ): Promise<Outcome<'closed' | 'waitlistFull', 'placed' | 'waiting' | 'already'>>
  /** Rewrites both lists (and the capacity) if nobody changed them since `a` was read, with the notices; refused `moved`. */
  rewrite(
    a: ActivityRecord,
    next: { placedIds: string[]; waitingIds: string[]; capacity: number },
    notices: QueuedNotice[],
  ): Promise<Outcome<'moved'>>
  /** Moves the phase if it is still one of `from`, with what goes with it; refused `moved`. */
  setPhase(
    a: ActivityRecord,
    from: Phase[],
    to: Phase,
    extra: {
      confirmedAt?: string
      confirmedBy?: string
      cancelled?: ActivityRecord['cancelled']
      /** Only if nobody changed the lists since `a` was read (its `rev`): the notice names everyone on them. */
      sameLists?: boolean
      plan?: PlanRecord
      counters?: CounterAdd[]
      notices?: QueuedNotice[]
      due?: DueItem[]
    },
  ): Promise<Outcome<'moved'>>
  plan(activityId: string): Promise<PlanRecord | undefined>
}

export interface AttendanceStore {
  list(activityId: string): Promise<AttendanceRecord[]>
  get(activityId: string, userId: string): Promise<AttendanceRecord | undefined>
  /** Records the check-in unless there is one (then `already`, nothing written). */
  checkIn(activityId: string, userId: string, mark: PresenceMark): Promise<Outcome<'already'>>
  /** Records the check-out after a check-in: `notIn` without one, `already` when there is a check-out. */
  checkOut(activityId: string, userId: string, mark: PresenceMark): Promise<Outcome<'notIn' | 'already'>>
  /** Notes who signed the volunteer up on their behalf (代报名), once: a repeat keeps the first. */
  signedUpBy(activityId: string, userId: string, by: SignedUpBy): Promise<void>
  refuse(r: RefusalRecord): Promise<void>
  refusals(activityId: string): Promise<RefusalRecord[]>
}

export interface RecordStore {
  forUser(userId: string): Promise<ServiceRecordRecord[]>
  get(userId: string, recordId: string): Promise<ServiceRecordRecord | undefined>
  /** Writes a record with its roll-up counters and notices in one transaction; refused `exists` (a repeat: nothing counted twice). */
  create(r: ServiceRecordRecord, counters: CounterAdd[], notices: QueuedNotice[]): Promise<Outcome<'exists'>>
  /** Notes what became of the record's points (once paid, never changed again). */
  setPoints(r: ServiceRecordRecord, state: ServiceRecordRecord['pointsState'], transferId?: string): Promise<void>
  forCommunityMonth(communityId: string, month: string): Promise<ServiceRecordRecord[]>
  createCorrection(c: CorrectionRecord): Promise<Outcome<'exists'>>
  getCorrection(requestId: string): Promise<CorrectionRecord | undefined>
  answerCorrection(next: CorrectionRecord): Promise<Outcome<'notPending'>>
  correctionsForUser(userId: string): Promise<CorrectionRecord[]>
  correctionsForActivity(activityId: string): Promise<CorrectionRecord[]>
}

export interface StatStore {
  /** Counters of these scopes and periods (missing ones are zero), keyed `<scope>|<period>`. */
  read(keys: { scope: StatScope; period: string }[]): Promise<Map<string, Counters>>
  /**
   * Counts something once: writes the marker (refused if there) together with the increments. Used for "members
   * serving in a period" and "activities a unit took part in", which are distinct counts.
   */
  once(marker: string, counters: CounterAdd[]): Promise<boolean>
}

export interface VolunteerSettingsStore {
  get(communityId: string): Promise<VolunteerSettings | undefined>
  put(communityId: string, settings: VolunteerSettings): Promise<void>
}

export interface SiteQr {
  /** A PNG (as a data URL) of the code, shown full screen on the organiser's phone. */
  png(code: string): Promise<string>
}

export interface FeedbackCardInput {
  unitName: string
  communityName: string
  streetName: string
  periodLabel: string
  totals: {
    members: number
    servingMembers: number
    minutes: number
    services: number
    activities: number
    reportRate?: number
    serviceRate?: number
  }
  people: { name: string; minutes: number; services: number }[]
  activities: { title: string; date: string; people: number; minutes: number }[]
  printedAt: string
}
export interface FeedbackPrinter {
  renderPdf(card: FeedbackCardInput): Promise<Buffer>
}
/** The shared .xlsx writer (adapters/xlsx.ts): one sheet, its columns (header, width) and rows. */
export interface Spreadsheet {
  xlsx(sheet: { name: string; columns: { header: string; width: number }[]; rows: (string | number)[][] }): Buffer
}

export interface VolunteeringDeps extends LedgerDeps {
  volunteerUnits: UnitStore
  volunteerRegistrations: RegistrationStore
  activities: ActivityStore
  attendance: AttendanceStore
  serviceRecords: RecordStore
  volunteerStats: StatStore
  volunteerSettings: VolunteerSettingsStore
  notices: NoticeStore
  schedule: DueStore
  structure: StructureStore
  identity: IdentityStore
  /** Content safety (msgSecCheck): what volunteers and staff write is screened before it is stored. */
  safety: ContentSafety
  siteCodeSecret: string
  siteQr: SiteQr
  spreadsheet: Spreadsheet
  feedbackPrinter: FeedbackPrinter
  newId: () => string
  now: () => Date
}

/**
 * What another capability may ask of volunteering (the micro-wishes capability is given it through its own port by
 * the wiring, functions/src/http/deps.ts): whether a user is an approved in-service member (在职党员, 双报到 approved)
 * of a community, and of which unit.
 */
export interface InServiceMembers {
  approvedMember(
    communityId: string,
    userId: string,
  ): Promise<{ unitId: string; unitName: string; approvedAt: string } | undefined>
}
