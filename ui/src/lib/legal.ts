// Which legal steps a partnership needs, which are done and which are missing. Pure: takes the
// partnership and the home city's country. Mirrors the server's rule (src/domain/milestones.cpp):
// a Türkiye home city needs the municipal council's decision and the ministry's prior permission
// on or before the agreement signing (Law 5393 art. 18(p), 74); every agreement is signed.
import type { Milestone, MilestoneKind, Partnership } from '../api/types'

export interface Step {
  kind: MilestoneKind
  milestone?: Milestone
  required: boolean
  /** Required before agreement_signed but missing or dated after it. */
  outOfOrder: boolean
}

/** The steps the law asks of a home city in this country for a signed partnership. */
export function requiredSteps(homeCountry: string | undefined): MilestoneKind[] {
  return (homeCountry ?? '').toUpperCase() === 'TR'
    ? ['council_decision', 'ministry_permission', 'agreement_signed']
    : ['agreement_signed']
}

/** The steps to show for a partnership, in legal order. */
export function legalSteps(partnership: Pick<Partnership, 'tier' | 'milestones' | 'status'>, homeCountry: string | undefined): Step[] {
  const byKind = new Map(partnership.milestones.map((m) => [m.kind, m]))
  const agreementTier = partnership.tier === 'sister_city' || partnership.tier === 'friendship'
  const required = new Set<MilestoneKind>(agreementTier ? requiredSteps(homeCountry) : [])
  if (partnership.tier === 'letter_of_intent') required.add('letter_of_intent_signed')
  if (partnership.status === 'terminated') required.add('terminated')

  const kinds: MilestoneKind[] = ['letter_of_intent_signed', ...requiredSteps(homeCountry).filter((k) => k !== 'agreement_signed'), 'partner_approval', 'agreement_signed']
  if (partnership.status === 'terminated' || byKind.has('terminated')) kinds.push('terminated')
  for (const m of partnership.milestones) if (!kinds.includes(m.kind)) kinds.push(m.kind)

  const gates: MilestoneKind[] = requiredSteps(homeCountry).filter((k) => k !== 'agreement_signed')
  const signed = byKind.get('agreement_signed')
  return kinds.map((kind) => {
    const milestone = byKind.get(kind)
    const outOfOrder = !!signed && gates.includes(kind) && (!milestone || milestone.date > signed.date)
    return { kind, milestone, required: required.has(kind), outOfOrder }
  })
}

/** The required steps still missing before the agreement may be signed. */
export function missingBeforeSigning(steps: Step[]): Step[] {
  return steps.filter((s) => s.required && !s.milestone && s.kind !== 'agreement_signed' && s.kind !== 'terminated')
}
