import { useRef, useState } from 'react'
import type { ZodError } from 'zod'
import { ApiError, fieldErrors, messageOf } from '../services/http'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

export interface SubmitOptions<F extends string> {
  /** The form's own checks (usually the contract's schema): field → message. Run on submit, and on every change after. */
  validate?: () => FieldErrors<F>
  /** The fields' current values: an error the API gave at a field goes away as soon as that field changes. */
  values?: Partial<Record<F, unknown>>
}

/** The first message per top-level field of a failed zod parse (the contract's Chinese messages). */
export const zodFieldErrors = <F extends string>(
  error: ZodError | undefined,
  rename: (field: F, message: string, path: (string | number)[]) => string = (_f, m) => m,
): FieldErrors<F> => {
  const out: FieldErrors<F> = {}
  for (const issue of error?.issues ?? []) {
    const field = issue.path[0] as F | undefined
    if (field !== undefined && !out[field]) out[field] = rename(field, issue.message, issue.path)
  }
  return out
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The sending half of a form, written once: one submission at a time (a second tap while one is under way does
 * nothing), the form's own errors at their fields, the API's field errors (a 422's details) at their fields and
 * its message above the form, everything typed kept. A field's error clears as soon as the field is valid.
 */
export function useSubmit<F extends string>({ validate, values }: SubmitOptions<F> = {}) {
  const [checked, setChecked] = useState<F[]>([])
  const [apiErrors, setApiErrors] = useState<{ field: F; message: string; value: unknown }[]>([])
  const [formError, setFormError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  // A ref, not the state: two taps in one frame both see the state before the re-render.
  const busy = useRef(false)

  // Shown: the fields that failed the last attempt and still fail (with today's message), and the API's while unchanged.
  const now: FieldErrors<F> = validate?.() ?? {}
  const errors: FieldErrors<F> = {}
  for (const f of checked) if (now[f]) errors[f] = now[f]
  for (const e of apiErrors) if (!errors[e.field] && same(values?.[e.field], e.value)) errors[e.field] = e.message

  /**
   * Checks the form, then runs `send` once. Resolves to what `send` returned, or undefined when the form did not
   * pass its checks, another submission was under way, or the API refused it (its errors are then on the form).
   */
  const submit = async <T>(send: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined
    setFormError(undefined)
    const local: FieldErrors<F> = validate?.() ?? {}
    setChecked(Object.keys(local) as F[])
    setApiErrors([])
    if (Object.keys(local).length > 0) return undefined
    busy.current = true
    setSubmitting(true)
    try {
      return await send()
    } catch (e) {
      const byField = fieldErrors(e) as FieldErrors<F>
      setApiErrors(
        (Object.keys(byField) as F[]).map((field) => ({ field, message: byField[field]!, value: values?.[field] })),
      )
      // 401: the login page is opening, nothing to say here.
      if (!(e instanceof ApiError && e.status === 401)) setFormError(messageOf(e))
      return undefined
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }

  return { errors, formError, setFormError, submitting, submit }
}

export type Submit<F extends string> = ReturnType<typeof useSubmit<F>>
