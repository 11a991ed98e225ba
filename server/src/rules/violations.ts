// A broken rule, as the API reports it: a stable code, the input field at fault, and the message
// in Vietnamese (the default) and English. Every message lives here, in both languages.
export interface Violation {
  code: string;
  field: string;
  messageVi: string;
  messageEn: string;
}

type P = Record<string, string | number | undefined>;
const twoThirds = (p: P) => `${p.for}/${p.of}`;

const MESSAGES: Record<string, (p: P) => [vi: string, en: string]> = {
  STAGE_ORDER: (p) => [
    `Không thể chuyển từ ${p.from} sang ${p.to}; bước tiếp theo: ${p.allowed || 'không có'}.`,
    `${p.to} cannot follow ${p.from}; allowed next: ${p.allowed || 'none'}.`,
  ],
  DATE_BEFORE_PREVIOUS_STEP: (p) => [
    `Ngày ${p.on} không được trước bước trước (${p.previous}).`,
    `${p.on} cannot come before the previous step (${p.previous}).`,
  ],
  CERTIFICATE_MISSING: () => [
    'Cần ngày cấp giấy chứng nhận lớp bồi dưỡng, không sau ngày của bước này.',
    'Give the date of the course certificate, not after this step.',
  ],
  CERTIFICATE_EXPIRED: (p) => [
    `Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng chỉ có giá trị ${p.years} năm.`,
    `The certificate of the course on the Party is valid for ${p.years} years.`,
  ],
  INTRODUCERS_COUNT: () => [
    'Cần hai người giới thiệu: hai đảng viên chính thức, hoặc Ban Chấp hành Đoàn cơ sở và một đảng viên chính thức.',
    'Two introducers are needed: two full members, or the grassroots Youth Union committee and one full member.',
  ],
  INTRODUCER_NOT_FULL_MEMBER: () => [
    'Người giới thiệu phải là đảng viên chính thức.',
    'An introducer must be a full member.',
  ],
  INTRODUCER_KNOWN_TOO_SHORT: (p) => [
    `Người giới thiệu phải cùng công tác hoặc sinh sống với người vào Đảng ít nhất ${p.months} tháng.`,
    `An introducer must have worked or lived with the candidate for ${p.months} months or more.`,
  ],
  YOUTH_UNION_ROUTE_NOT_ALLOWED: (p) => [
    `Chỉ đoàn viên dưới ${p.age} tuổi được Đoàn giới thiệu.`,
    `Only a Youth Union member under ${p.age} may be introduced by the Youth Union.`,
  ],
  AGE_OUT_OF_RANGE: (p) => [
    `Tuổi khi chi bộ xét (${p.age}) phải từ ${p.min} đến ${p.max}, trừ trường hợp ngoại lệ được ghi nhận.`,
    `Age at the cell vote (${p.age}) must be ${p.min} to ${p.max} unless an exception is recorded.`,
  ],
  VOTES_MISSING: () => [
    'Cần ghi số phiếu tán thành và số đảng viên có quyền biểu quyết.',
    'Record the votes for and the number of eligible voters.',
  ],
  VOTES_INVALID: () => [
    'Số phiếu tán thành phải từ 0 đến số người có quyền biểu quyết.',
    'Votes for must lie between 0 and the number of eligible voters.',
  ],
  VOTE_SHARE_TOO_LOW: (p) => [
    `${twoThirds(p)} phiếu tán thành: chưa đạt hai phần ba.`,
    `${p.for} of ${p.of} votes for: less than two thirds.`,
  ],
  DECISION_LATE: (p) => [
    `Quyết định kết nạp phải trong ${p.days} ngày làm việc sau nghị quyết của chi bộ (hạn ${p.due}).`,
    `The admission decision must come within ${p.days} working days of the cell’s resolution (by ${p.due}).`,
  ],
  EXTENSION_NOT_RECORDED: () => [
    'Chưa ghi nhận việc gia hạn: ghi quyết định gia hạn (extendDecisionDeadline) trước khi ghi quyết định kết nạp.',
    'No extension is on record: record it (extendDecisionDeadline) before the admission decision.',
  ],
  NOT_AWAITING_DECISION: (p) => [
    `Chỉ gia hạn khi đang chờ quyết định kết nạp, sau nghị quyết của chi bộ (bước hiện tại: ${p.stage}).`,
    `Only a candidate waiting for the admission decision, after the cell’s resolution, can be given more time (now: ${p.stage}).`,
  ],
  DECISION_ALREADY_EXTENDED: (p) => [
    `Thời hạn xem xét, quyết định đã được gia hạn ngày ${p.on}; chỉ gia hạn một lần.`,
    `The decision’s deadline was already extended on ${p.on}; it is extended once.`,
  ],
  EXTENSION_LATE: (p) => [
    `Chỉ gia hạn trong ${p.days} ngày làm việc sau nghị quyết của chi bộ (hạn ${p.due}).`,
    `The deadline can only be extended within the ${p.days} working days after the cell’s resolution (by ${p.due}).`,
  ],
  CEREMONY_LATE: (p) => [
    `Lễ kết nạp phải trong ${p.days} ngày làm việc sau quyết định (hạn ${p.due}).`,
    `The ceremony must come within ${p.days} working days of the decision (by ${p.due}).`,
  ],
  MEMBER_LEFT: (p) => [`Đảng viên đã ra khỏi Đảng ngày ${p.on}.`, `The member left on ${p.on}.`],
  PLACEMENT_OVERLAP: (p) => [
    `Ngày ${p.on} phải sau ngày bắt đầu sinh hoạt (${p.start}): các nơi sinh hoạt không chồng lên nhau.`,
    `${p.on} must come after the placement that starts on ${p.start}: placements never overlap.`,
  ],
  SAME_CELL: () => ['Đảng viên đã sinh hoạt ở chi bộ này.', 'The member already belongs to this cell.'],
  ALREADY_FULL_MEMBER: (p) => [`Đã là đảng viên chính thức từ ${p.on}.`, `A full member since ${p.on}.`],
  PROBATION_NOT_OVER: (p) => [
    `Chưa hết ${p.months} tháng dự bị (đến ${p.end}).`,
    `The ${p.months}-month probation runs until ${p.end}.`,
  ],
  VOTE_NOT_AFTER_PREVIOUS: (p) => [
    `Lần biểu quyết ngày ${p.on} phải sau lần trước (${p.previous}).`,
    `The vote on ${p.on} must come after the previous one (${p.previous}).`,
  ],
  FIRST_PLACEMENT_NOT_ADMISSION: () => [
    'Nơi sinh hoạt đầu tiên bắt đầu từ ngày kết nạp.',
    'The first placement starts on the admission day.',
  ],
  NOT_FOUND: (p) => [`Không tìm thấy ${p.vi}.`, `No such ${p.en}.`],
  ORGANISATION_NOT_ACTIVE: (p) => [
    `Tổ chức "${p.code}" không hoạt động ngày ${p.on}.`,
    `Organisation "${p.code}" is not active on ${p.on}.`,
  ],
  NOT_A_CELL: (p) => [`"${p.code}" không phải là chi bộ.`, `"${p.code}" is not a cell.`],
  REQUIRED: (p) => [`Cần ${p.vi}.`, `${p.en} is required.`],
  BIRTH_DATE_AFTER: () => ['Ngày sinh phải trước các ngày khác.', 'The birth date must come before the other dates.'],
  CODE_INVALID: () => [
    'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.',
    'A code is lowercase ASCII letters, digits and hyphens.',
  ],
  CODE_TAKEN: (p) => [`Mã "${p.code}" đã được dùng.`, `The code "${p.code}" is taken.`],
  PARENT_IS_CELL: () => ['Chi bộ không có tổ chức trực thuộc.', 'A cell has no subordinate organisations.'],
  CYCLE: () => [
    'Không thể chuyển một tổ chức vào cấp dưới của chính nó.',
    'An organisation cannot move under its own subtree.',
  ],
  MERGE_KIND: () => [
    'Chi bộ chỉ hợp nhất vào chi bộ khác, đảng bộ vào đảng bộ khác.',
    'Cells merge into other cells, committees into other committees.',
  ],
  NOT_EMPTY: () => [
    'Còn đảng viên hoặc tổ chức trực thuộc: hãy hợp nhất vào một tổ chức khác.',
    'Members or subordinate organisations remain: merge into another organisation.',
  ],
  PERIOD_INVALID: () => ['Ngày kết thúc phải sau ngày bắt đầu.', 'The period must end after it starts.'],
  TARGET_INVALID: () => ['Chỉ tiêu là số nguyên không âm.', 'A target is a whole number, zero or more.'],
  PERIOD_OUTSIDE_PROGRAMME: () => [
    'Kỳ chỉ tiêu phải nằm trong thời gian của đề án.',
    'The period must lie within the programme.',
  ],
};

export function violation(code: string, field: string, params: P = {}): Violation {
  const message = MESSAGES[code];
  if (!message) throw new Error(`No message for violation ${code}`);
  const [messageVi, messageEn] = message(params);
  return { code, field, messageVi, messageEn };
}
