/**
 * A new campaign's donor rules (Thông tư 26/2013/TT-BYT): age 18–60 for everyone, 12 weeks between
 * two whole-blood donations. Local practice (women 18–55 in some plans) is set per campaign. The one
 * place these numbers live: the service, the campaign form and the donor history read them here.
 */
export const CAMPAIGN_RULE_DEFAULTS = {
  ageMinMale: 18,
  ageMaxMale: 60,
  ageMinFemale: 18,
  ageMaxFemale: 60,
  minIntervalDays: 84,
} as const;
