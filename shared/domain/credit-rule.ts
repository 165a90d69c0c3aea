/**
 * The office's rule for a person registered by two units (issue 15, item 5), in the clerk's words:
 * shown beside the progress figures and in the result report so everyone knows how they were counted.
 */
export type CreditRuleKey = 'first_list' | 'home_unit' | 'both_units';

export const CREDIT_RULE_LABELS: Record<CreditRuleKey, string> = {
  first_list: 'đơn vị gửi danh sách trước (theo ngày nhận/gửi của danh sách)',
  home_unit: 'đơn vị nơi cư trú (nếu biết), nếu không thì đơn vị gửi danh sách trước',
  both_units: 'tính cho cả hai đơn vị (mỗi đơn vị có người đó trong danh sách)',
};

/** What follows "…được tính chỉ tiêu cho" in a sentence (the labels are the radio buttons' words). */
const CREDITED_TO: Record<CreditRuleKey, string> = {
  first_list: CREDIT_RULE_LABELS.first_list,
  home_unit: CREDIT_RULE_LABELS.home_unit,
  both_units: 'cả hai đơn vị (mỗi đơn vị có người đó trong danh sách)',
};

/** The phrase after "tính chỉ tiêu cho". */
export function creditedTo(rule: CreditRuleKey): string {
  return CREDITED_TO[rule];
}

/** "Người đăng ký ở hai đơn vị được tính chỉ tiêu cho …" — one phrase per rule, never "cho tính cho". */
export function creditRuleSentence(rule: CreditRuleKey): string {
  return `Người đăng ký ở hai đơn vị được tính chỉ tiêu cho ${CREDITED_TO[rule]}.`;
}
