// A broken rule, as the API reports it: a stable code, the input field at fault, and the message
// in Vietnamese (the default) and English. Every message lives here, in both languages; the codes
// are the keys of MESSAGES, so a misspelt code or a missing part of a message does not compile.
export interface Violation {
  code: ViolationCode;
  field: string;
  messageVi: string;
  messageEn: string;
}

type On = { on: string };
type Deadline = { days: number; due: string };
type Votes = { for: number; of: number };
const twoThirds = (p: Votes) => `${p.for}/${p.of}`;

/** What NOT_FOUND names; an organisation or a programme is named with its code. */
const THINGS = {
  organisation: ['tổ chức mã', 'organisation'],
  programme: ['đề án', 'programme'],
  member: ['đảng viên', 'member'],
  candidate: ['người vào Đảng', 'candidate'],
  placement: ['nơi sinh hoạt bắt đầu ngày đó', 'placement starting on that day'],
  step: ['bước này trong quá trình của người vào Đảng', 'such step on the candidate’s path'],
  leaving: ['việc ra khỏi Đảng', 'leaving recorded'],
  introducer: ['người giới thiệu', 'introducer'],
  leader: ['cán bộ', 'leader'],
  hamlet: ['xóm mã', 'hamlet'],
  move: ['việc chuyển tổ chức bắt đầu ngày đó', 'move of the organisation starting on that day'],
  rename: ['việc đổi tên chưa hủy', 'rename still standing'],
  dissolution: ['việc giải thể, sáp nhập hủy được', 'dissolution or merger that can be voided'],
} as const;

/** What REQUIRED asks for. */
const INPUTS = {
  name: ['tên tổ chức', 'A name'],
  fullName: ['họ và tên', 'A full name'],
  leader: ['chọn cán bộ, hoặc ghi họ tên và chức vụ', 'A leader (or a full name and a title)'],
  by: ['cấp ủy quyết định', 'The deciding committee'],
  reason: ['lý do đính chính', 'A reason for the correction'],
  actingBody: ['cơ quan, tổ chức thực hiện bước này', 'The body that acted'],
  decision: ['số và ngày quyết định', 'The decision (number and date)'],
} as const;

/** What LATER_FACTS_DEPEND names: the facts recorded after the one voided that rest on it. */
const DEPENDENTS = {
  memberHistory: [
    'các việc ghi về đảng viên sau đó (chuyển sinh hoạt, biểu quyết, quyết định, ra khỏi Đảng, giới thiệu người vào Đảng, nơi cư trú)',
    'facts recorded about the member after it (transfers, votes, a decision, leaving, introductions, where they live)',
  ],
  extension: ['việc gia hạn thời hạn quyết định kết nạp', 'the extension of the decision’s deadline'],
  treeHistory: [
    'việc sáp nhập, giải thể tổ chức cấp trên mới sau đó (tổ chức đã theo sang)',
    'the later merge or dissolution of the new parent (the organisation followed it there)',
  ],
  dissolution: [
    'các việc ghi sau khi giải thể (chuyển sinh hoạt, ra khỏi Đảng, chuyển tổ chức, biểu quyết, các bước của người vào Đảng đã chuyển theo)',
    'facts recorded after the dissolution (transfers, leavings, moves, votes, steps of the candidates it moved)',
  ],
} as const;

/** Why IMPORT_FILE_UNREADABLE could not read a file. */
const DAMAGE = {
  cutShort: ['tệp bị cắt ngang, thiếu phần cuối', 'it ends too soon'],
  notXlsx: ['không phải bảng tính .xlsx', 'it is not an .xlsx workbook'],
  damaged: ['nội dung tệp bị hỏng', 'its content is damaged'],
  tooLarge: [
    'tệp giải nén ra quá lớn (hơn 1 GB, hoặc bảng chuỗi dùng chung hơn 256 MB)',
    'it unpacks to too much (over 1 GB, or a shared strings table over 256 MB)',
  ],
} as const;
export type Damage = keyof typeof DAMAGE;

/** Why IMPORT_TEXT_INVALID refused a cell's text (rules/text.ts). */
const TEXT_PROBLEMS = {
  surrogate: ['có ký tự không hợp lệ (không phải Unicode chuẩn)', 'holds a character that is not well-formed Unicode'],
  control: ['có ký tự điều khiển (mã 0–31), không được phép', 'holds a control character (codes 0–31), not allowed'],
  tooLong: ['dài quá giới hạn của cột', 'is longer than the column allows'],
} as const;

/**
 * A phrase of THINGS or INPUTS. Only messageTemplates asks for a key the table lacks (its parts are
 * placeholders such as `{thing}`), and sees the placeholder itself.
 */
const named = <K extends string>(table: Record<K, readonly [vi: string, en: string]>, key: K) =>
  table[key] ?? [key, key];

const MESSAGES = {
  STAGE_ORDER: (p: { from: string; to: string; allowed: string }) => [
    `Không thể chuyển từ ${p.from} sang ${p.to}; bước tiếp theo: ${p.allowed || 'không có'}.`,
    `${p.to} cannot follow ${p.from}; allowed next: ${p.allowed || 'none'}.`,
  ],
  NO_GRASSROOTS_COMMITTEE: (p: { allowed: string }) => [
    `Chi bộ cơ sở không có đảng ủy cơ sở cấp trên: không có bước đảng ủy cơ sở biểu quyết (bước tiếp theo: ${p.allowed || 'không có'}).`,
    `A grassroots cell has no grassroots committee above it: there is no committee vote (allowed next: ${p.allowed || 'none'}).`,
  ],
  DATE_BEFORE_PREVIOUS_STEP: (p: { on: string; previous: string }) => [
    `Ngày ${p.on} không được trước bước trước (${p.previous}).`,
    `${p.on} cannot come before the previous step (${p.previous}).`,
  ],
  CERTIFICATE_MISSING: () => [
    'Cần ngày cấp giấy chứng nhận lớp bồi dưỡng, không sau ngày của bước này.',
    'Give the date of the course certificate, not after this step.',
  ],
  CERTIFICATE_EXPIRED: (p: { years: number }) => [
    `Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng chỉ có giá trị ${p.years} năm.`,
    `The certificate of the course on the Party is valid for ${p.years} years.`,
  ],
  INTRODUCERS_COUNT: () => [
    'Cần hai người giới thiệu: hai đảng viên chính thức, hoặc Ban Chấp hành Đoàn cơ sở (hay Ban Chấp hành Công đoàn cơ sở) và một đảng viên chính thức.',
    'Two introducers are needed: two full members, or the grassroots Youth Union (or trade union) committee and one full member.',
  ],
  INTRODUCER_INVALID: () => [
    'Mỗi người giới thiệu là một đảng viên (memberId), Ban Chấp hành Đoàn cơ sở (youthUnion) hoặc Ban Chấp hành Công đoàn cơ sở (tradeUnion): ghi đúng một.',
    'Each introducer is one of a member (memberId), the Youth Union committee (youthUnion) or the trade union committee (tradeUnion): give exactly one.',
  ],
  INTRODUCERS_NOT_DISTINCT: () => [
    'Hai người giới thiệu phải là hai đảng viên khác nhau.',
    'The two introducers must be two different members.',
  ],
  INTRODUCER_NOT_FULL_MEMBER: () => [
    'Người giới thiệu phải là đảng viên chính thức.',
    'An introducer must be a full member.',
  ],
  INTRODUCER_KNOWN_TOO_SHORT: (p: { months: number }) => [
    `Người giới thiệu phải cùng công tác hoặc sinh sống với người vào Đảng ít nhất ${p.months} tháng.`,
    `An introducer must have worked or lived with the candidate for ${p.months} months or more.`,
  ],
  YOUTH_UNION_ROUTE_NOT_ALLOWED: (p: { age: number }) => [
    `Chỉ người trong độ tuổi thanh niên (đến ${p.age} tuổi) được Ban Chấp hành Đoàn cơ sở giới thiệu.`,
    `Only a candidate of youth age (up to ${p.age} years and 0 months) is introduced by the Youth Union.`,
  ],
  YOUTH_UNION_INTRODUCTION_REQUIRED: (p: { age: number }) => [
    `Người trong độ tuổi thanh niên (đến ${p.age} tuổi) do Ban Chấp hành Đoàn cơ sở và một đảng viên chính thức giới thiệu (Điều lệ Đảng, Điều 4).`,
    `A candidate of youth age (up to ${p.age} years and 0 months) is introduced by the grassroots Youth Union committee and one full member (Charter, Art. 4).`,
  ],
  YOUTH_UNION_MEMBER_REQUIRED: (p: { age: number }) => [
    `Người trong độ tuổi thanh niên (đến ${p.age} tuổi) xin vào Đảng phải là đoàn viên Đoàn TNCS Hồ Chí Minh.`,
    `A candidate of youth age (up to ${p.age} years and 0 months) must be a Youth Union member.`,
  ],
  TRADE_UNION_ROUTE_NOT_ALLOWED: (p: { age: number }) => [
    `Công đoàn chỉ giới thiệu người ngoài độ tuổi thanh niên (trên ${p.age} tuổi) ở nơi làm việc có tổ chức công đoàn.`,
    `The trade union introduces only a candidate above youth age (over ${p.age}) whose workplace has a trade union.`,
  ],
  TRADE_UNION_INTRODUCTION_REQUIRED: (p: { age: number }) => [
    `Người ngoài độ tuổi thanh niên (trên ${p.age} tuổi) ở nơi có công đoàn do Ban Chấp hành Công đoàn cơ sở và một đảng viên chính thức giới thiệu.`,
    `A candidate above youth age (over ${p.age}) whose workplace has a trade union is introduced by its grassroots committee and one full member.`,
  ],
  TRADE_UNION_MEMBER_REQUIRED: (p: { age: number }) => [
    `Người ngoài độ tuổi thanh niên (trên ${p.age} tuổi) ở nơi có công đoàn phải là đoàn viên công đoàn.`,
    `A candidate above youth age (over ${p.age}) whose workplace has a trade union must be a trade union member.`,
  ],
  AGE_OUT_OF_RANGE: (p: { age: number; months: number; min: number; max: number }) => [
    `Tuổi khi chi bộ xét (${p.age} tuổi ${p.months} tháng) phải từ đủ ${p.min} đến đủ ${p.max} tuổi (tính theo tháng), trừ trường hợp ngoại lệ được cấp có thẩm quyền đồng ý.`,
    `Age at the cell vote (${p.age} years ${p.months} months) must be from ${p.min} to ${p.max} years and 0 months unless an approved exception is recorded.`,
  ],
  AGE_EXCEPTION_INCOMPLETE: () => [
    'Trường hợp ngoại lệ về tuổi phải ghi cấp ủy đồng ý và quyết định của cấp ủy đó.',
    'An age exception records the committee that approved it and its decision.',
  ],
  VOTES_MISSING: () => [
    'Cần ghi số phiếu tán thành và số đảng viên có quyền biểu quyết.',
    'Record the votes for and the number of eligible voters.',
  ],
  ABSENT_NOT_ON_ROSTER: (p: On) => [
    `Người vắng mặt được trừ phải là đảng viên chính thức của chi bộ ngày ${p.on}.`,
    `An excused absentee must be a full member of the cell on ${p.on}.`,
  ],
  VOTE_BASE_MISMATCH: (p: { given: number; base: number; on: string }) => [
    `Số đảng viên được biểu quyết là ${p.base} (đảng viên chính thức của chi bộ ngày ${p.on}, trừ người được miễn sinh hoạt hoặc sinh hoạt tạm thời nơi khác vắng mặt), không phải ${p.given}.`,
    `The vote's base is ${p.base} (the cell's full members on ${p.on}, less excused absentees), not ${p.given}.`,
  ],
  VOTES_INVALID: () => [
    'Số phiếu tán thành phải từ 0 đến số người có quyền biểu quyết.',
    'Votes for must lie between 0 and the number of eligible voters.',
  ],
  VOTE_SHARE_TOO_LOW: (p: Votes) => [
    `${twoThirds(p)} phiếu tán thành: chưa đạt hai phần ba.`,
    `${p.for} of ${p.of} votes for: less than two thirds.`,
  ],
  DECISION_LATE: (p: Deadline) => [
    `Quyết định kết nạp phải trong ${p.days} ngày làm việc sau nghị quyết của chi bộ (hạn ${p.due}).`,
    `The admission decision must come within ${p.days} working days of the cell’s resolution (by ${p.due}).`,
  ],
  EXTENSION_NOT_RECORDED: () => [
    'Chưa ghi nhận việc gia hạn: ghi quyết định gia hạn (extendDecisionDeadline) trước khi ghi quyết định kết nạp.',
    'No extension is on record: record it (extendDecisionDeadline) before the admission decision.',
  ],
  NOT_AWAITING_DECISION: (p: { stage: string }) => [
    `Chỉ gia hạn khi đang chờ quyết định kết nạp, sau nghị quyết của chi bộ (bước hiện tại: ${p.stage}).`,
    `Only a candidate waiting for the admission decision, after the cell’s resolution, can be given more time (now: ${p.stage}).`,
  ],
  DECISION_ALREADY_EXTENDED: (p: On) => [
    `Thời hạn xem xét, quyết định đã được gia hạn ngày ${p.on}; chỉ gia hạn một lần.`,
    `The decision’s deadline was already extended on ${p.on}; it is extended once.`,
  ],
  EXTENSION_LATE: (p: Deadline) => [
    `Chỉ gia hạn trong ${p.days} ngày làm việc sau nghị quyết của chi bộ (hạn ${p.due}).`,
    `The deadline can only be extended within the ${p.days} working days after the cell’s resolution (by ${p.due}).`,
  ],
  CEREMONY_LATE: (p: Deadline) => [
    `Lễ kết nạp phải trong ${p.days} ngày làm việc sau quyết định (hạn ${p.due}).`,
    `The ceremony must come within ${p.days} working days of the decision (by ${p.due}).`,
  ],
  MEMBER_LEFT: (p: On) => [`Đảng viên đã ra khỏi Đảng ngày ${p.on}.`, `The member left on ${p.on}.`],
  PLACEMENT_OVERLAP: (p: { on: string; start: string }) => [
    `Ngày ${p.on} phải sau ngày bắt đầu sinh hoạt (${p.start}): các nơi sinh hoạt không chồng lên nhau.`,
    `${p.on} must come after the placement that starts on ${p.start}: placements never overlap.`,
  ],
  SAME_CELL: () => ['Đảng viên đã sinh hoạt ở chi bộ này.', 'The member already belongs to this cell.'],
  SAME_PARENT: () => [
    'Tổ chức đã trực thuộc tổ chức này vào ngày đó.',
    'The organisation already sits under this parent on that day.',
  ],
  CANDIDATE_SAME_CELL: () => ['Người vào Đảng đã thuộc chi bộ này.', 'The candidate already belongs to this cell.'],
  CANDIDATE_PATH_ENDED: (p: { stage: string }) => [
    `Người vào Đảng đã kết thúc quá trình (${p.stage}): không chuyển chi bộ được.`,
    `The candidate's path has ended (${p.stage}): they cannot move to another cell.`,
  ],
  ALREADY_FULL_MEMBER: (p: On) => [`Đã là đảng viên chính thức từ ${p.on}.`, `A full member since ${p.on}.`],
  PROBATION_NOT_OVER: (p: { months: number; end: string }) => [
    `Chưa hết ${p.months} tháng dự bị (đến ${p.end}).`,
    `The ${p.months}-month probation runs until ${p.end}.`,
  ],
  RECOGNITION_DECIDED: () => [
    'Cấp ủy đã quyết định về việc công nhận đảng viên này.',
    'The committee has already decided on recognising this member.',
  ],
  RECOGNITION_REFERRED: () => [
    'Ba lần biểu quyết không đạt hai phần ba: cấp ủy cấp trên xem xét, quyết định.',
    'Votes reached two thirds neither way three times: the superior committee decides.',
  ],
  RECOGNITION_NOT_PROPOSED: () => [
    'Chưa có đề nghị của chi bộ (hai phần ba công nhận hoặc không công nhận), cũng chưa chuyển cấp ủy cấp trên.',
    'No proposal of the cell yet (two thirds either way), and the case has not gone to the superior committee.',
  ],
  VOTE_NOT_AFTER_PREVIOUS: (p: { on: string; previous: string }) => [
    `Lần biểu quyết ngày ${p.on} phải sau lần trước (${p.previous}).`,
    `The vote on ${p.on} must come after the previous one (${p.previous}).`,
  ],
  FIRST_PLACEMENT_NOT_ADMISSION: () => [
    'Nơi sinh hoạt đầu tiên bắt đầu từ ngày kết nạp.',
    'The first placement starts on the admission day.',
  ],
  // Corrections (domain/*-corrections.ts): what a correction or a voiding cannot do.
  ADMISSION_PLACEMENT: () => [
    'Nơi sinh hoạt đầu tiên là việc kết nạp: đính chính ngày và chi bộ kết nạp (correctMember), không hủy.',
    'The first placement is the admission: correct its day or cell with correctMember; it cannot be voided.',
  ],
  LEAVING_BY_DECISION: () => [
    'Việc ra khỏi Đảng này do quyết định không công nhận đảng viên chính thức (decideRecognition): không đính chính ở đây.',
    'This leaving is the committee’s decision not to recognise the member (decideRecognition): it is not corrected here.',
  ],
  STEP_NOT_LAST: (p: { last: string }) => [
    `Chỉ hủy được bước cuối cùng đã ghi (${p.last}).`,
    `Only the last step recorded (${p.last}) can be voided.`,
  ],
  NOT_FOR_THIS_STEP: (p: { stage: string }) => [
    `Bước ${p.stage} không có thông tin này.`,
    `The ${p.stage} step has no such figure.`,
  ],
  FIRST_STEP_NOT_VOIDABLE: () => [
    'Bước đầu tiên (giới thiệu nguồn) là chính hồ sơ người vào Đảng: không hủy được, hãy đính chính.',
    'The first step (SOURCED) is the candidate’s record itself: correct it rather than void it.',
  ],
  LATER_FACTS_DEPEND: (p: { what: keyof typeof DEPENDENTS }) => {
    const [vi, en] = named(DEPENDENTS, p.what);
    return [
      `Không hủy được: ${vi} dựa vào việc này; hãy đính chính hoặc hủy chúng trước.`,
      `Cannot void: ${en} depend on it; correct or void them first.`,
    ];
  },
  NOT_FOUND: (p: { thing: keyof typeof THINGS; code?: string }) => {
    const [vi, en] = named(THINGS, p.thing);
    const code = p.code === undefined ? '' : ` "${p.code}"`;
    return [`Không tìm thấy ${vi}${code}.`, `No such ${en}${code}.`];
  },
  ALREADY_DISSOLVED: (p: { code: string; on: string }) => [
    `Tổ chức "${p.code}" đã được ghi giải thể ngày ${p.on}; một tổ chức chỉ giải thể một lần.`,
    `Organisation "${p.code}" is recorded as dissolved on ${p.on}; an organisation is dissolved once.`,
  ],
  ORGANISATION_NOT_ACTIVE: (p: { code: string; on: string }) => [
    `Tổ chức "${p.code}" không hoạt động ngày ${p.on}.`,
    `Organisation "${p.code}" is not active on ${p.on}.`,
  ],
  NOT_A_CELL: (p: { code: string }) => [`"${p.code}" không phải là chi bộ.`, `"${p.code}" is not a cell.`],
  REQUIRED: (p: { input: keyof typeof INPUTS }) => {
    const [vi, en] = named(INPUTS, p.input);
    return [`Cần ${vi}.`, `${en} is required.`];
  },
  BIRTH_DATE_AFTER: () => ['Ngày sinh phải trước các ngày khác.', 'The birth date must come before the other dates.'],
  CODE_INVALID: () => [
    'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.',
    'A code is lowercase ASCII letters, digits and hyphens.',
  ],
  CODE_TAKEN: (p: { code: string }) => [`Mã "${p.code}" đã được dùng.`, `The code "${p.code}" is taken.`],
  PARENT_IS_CELL: () => ['Chi bộ không có tổ chức trực thuộc.', 'A cell has no subordinate organisations.'],
  TREE_SHAPE: (p: { kind: string; parentKind: string; on: string; allowed: string }) => [
    `Ngày ${p.on}, tổ chức loại ${p.kind} không thể trực thuộc tổ chức loại ${p.parentKind} (được phép: ${p.allowed}).`,
    `On ${p.on}, an organisation of kind ${p.kind} cannot sit under one of kind ${p.parentKind} (allowed: ${p.allowed}).`,
  ],
  PLACEMENT_OUTLIVES_CELL: (p: { code: string; on: string }) => [
    `Chi bộ ${p.code} giải thể ngày ${p.on}: nơi sinh hoạt phải kết thúc trước đó.`,
    `Cell ${p.code} is dissolved on ${p.on}: a placement in it must end by then.`,
  ],
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
  // Hamlets (xóm, bản, khối): the commune each belongs to, the cell that serves it, who lives there.
  NOT_A_COMMUNE: (p: { code: string }) => [
    `"${p.code}" không phải là đảng bộ xã, thị trấn.`,
    `"${p.code}" is not a commune or town committee.`,
  ],
  HAMLET_NOT_ACTIVE: (p: { code: string; on: string }) => [
    `Xóm "${p.code}" không tồn tại ngày ${p.on}.`,
    `Hamlet "${p.code}" does not exist on ${p.on}.`,
  ],
  HAMLET_WITHOUT_COMMUNE: (p: { code: string; on: string }) => [
    `Ngày ${p.on}, xóm "${p.code}" không thuộc xã nào: hãy ghi xã trước.`,
    `On ${p.on}, hamlet "${p.code}" belongs to no commune: record its commune first.`,
  ],
  CELL_OUTSIDE_COMMUNE: (p: { cell: string; commune: string; on: string }) => [
    `Ngày ${p.on}, chi bộ "${p.cell}" không thuộc đảng bộ "${p.commune}" của xóm.`,
    `On ${p.on}, cell "${p.cell}" is not inside the hamlet's commune "${p.commune}".`,
  ],
  UNCHANGED: (p: On) => [
    `Ngày ${p.on} đã ghi nhận đúng như vậy: không có gì thay đổi.`,
    `That is already recorded for ${p.on}: nothing changes.`,
  ],
  HAMLETS_REMAIN: () => [
    'Còn xóm thuộc đảng bộ này: hãy hợp nhất vào một đảng bộ khác.',
    'Hamlets still belong to this committee: merge it into another.',
  ],
  HAMLET_RESIDENTS_REMAIN: () => [
    'Còn đảng viên cư trú ở xóm: hãy sáp nhập vào một xóm khác.',
    'Members still live in the hamlet: merge it into another hamlet.',
  ],
  HAMLET_DISSOLVED: (p: { code: string; on: string }) => [
    `Xóm "${p.code}" đã được ghi giải thể ngày ${p.on}.`,
    `Hamlet "${p.code}" is recorded as dissolved on ${p.on}.`,
  ],
  HAMLET_MERGE_SELF: () => ['Xóm không sáp nhập vào chính nó.', 'A hamlet cannot merge into itself.'],
  LINK_STARTS_LATER: (p: { on: string; start: string }) => [
    `Ngày ${p.on} phải sau ngày bắt đầu đã ghi (${p.start}).`,
    `${p.on} must come after the recorded start on ${p.start}.`,
  ],
  PERIOD_INVALID: () => ['Ngày kết thúc phải sau ngày bắt đầu.', 'The period must end after it starts.'],
  TARGET_INVALID: () => ['Chỉ tiêu là số nguyên không âm.', 'A target is a whole number, zero or more.'],
  PERIOD_OUTSIDE_PROGRAMME: () => [
    'Kỳ chỉ tiêu phải nằm trong thời gian của đề án.',
    'The period must lie within the programme.',
  ],
  // Spreadsheet imports (server/src/import/): `column` is a header as the file writes it.
  ADMITTED_UNDER_AGE: (p: { age: number; min: number }) => [
    `Tuổi khi vào Đảng (${p.age}) chưa đủ ${p.min}.`,
    `Age on admission (${p.age}) is under ${p.min}.`,
  ],
  IMPORT_HEADER_NOT_FOUND: (p: { rows: number }) => [
    `Không thấy dòng tiêu đề cột trong ${p.rows} dòng đầu (cần ít nhất ba cột như Họ và tên, Ngày sinh, Mã chi bộ).`,
    `No header row in the first ${p.rows} rows (at least three known columns, such as Họ và tên, Ngày sinh, Mã chi bộ).`,
  ],
  IMPORT_FILE_UNREADABLE: (p: { damage: Damage }) => [
    `Không đọc được tệp: ${named(DAMAGE, p.damage)[0]}. Hãy mở tệp gốc bằng Excel, lưu lại (.xlsx hoặc .csv) rồi gửi lại.`,
    `The file cannot be read: ${named(DAMAGE, p.damage)[1]}. Open the original in Excel, save it again (.xlsx or .csv) and send it again.`,
  ],
  IMPORT_TOO_MANY_ROWS: (p: { max: number }) => [
    `Tệp có hơn ${p.max.toLocaleString('vi-VN')} dòng dữ liệu, quá số dòng một lần nhập: hãy chia tệp (ví dụ theo đảng bộ) rồi nhập từng phần.`,
    `The file has more than ${p.max.toLocaleString('en')} data rows, more than one import takes: split it (by committee, say) and import each part.`,
  ],
  IMPORT_TOO_MANY_ERRORS: (p: { max: number; row: number }) => [
    `Đã có ${p.max.toLocaleString('vi-VN')} lỗi: dừng đọc ở dòng ${p.row}. Hãy sửa các lỗi này (thường là cột hoặc định dạng sai cho cả tệp) rồi nhập lại.`,
    `${p.max.toLocaleString('en')} errors already: reading stopped at row ${p.row}. Correct these (often a column or a format wrong for the whole file) and import again.`,
  ],
  IMPORT_TEXT_INVALID: (p: { problem: keyof typeof TEXT_PROBLEMS; limit: number; length: number }) => {
    const [vi, en] = named(TEXT_PROBLEMS, p.problem);
    return p.problem === 'tooLong'
      ? [
          `Ô ${vi} (tối đa ${p.limit} ký tự; ô có ${p.length}).`,
          `The cell ${en} (at most ${p.limit} characters; it has ${p.length}).`,
        ]
      : [`Ô ${vi}.`, `The cell ${en}.`];
  },
  IMPORT_COLUMN_MISSING: (p: { column: string }) => [
    `Tệp thiếu cột "${p.column}".`,
    `The file has no column "${p.column}".`,
  ],
  IMPORT_REQUIRED: (p: { column: string }) => [
    `Cần điền cột "${p.column}".`,
    `The column "${p.column}" needs a value.`,
  ],
  IMPORT_DATE_INVALID: (p: { value: string }) => [
    `"${p.value}" không phải là một ngày (ghi ngày/tháng/năm, ví dụ 05/03/1990).`,
    `"${p.value}" is not a date (write day/month/year, e.g. 05/03/1990).`,
  ],
  IMPORT_VALUE_INVALID: (p: { value: string }) => [
    `Giá trị "${p.value}" không hợp lệ ở cột này (xem dòng hướng dẫn của mẫu: ketnap template).`,
    `"${p.value}" is not valid in this column (see the template's guidance: ketnap template).`,
  ],
  IMPORT_DUPLICATE_ROW: (p: { row: number }) => [
    `Trùng với dòng ${p.row} của tệp (cùng số thẻ đảng viên, số CCCD hoặc Mã ketnap).`,
    `The same person as row ${p.row} of the file (same party card number, citizen ID or ketnap ID).`,
  ],
  IMPORT_IDENTITY_CONFLICT: () => [
    'Số thẻ đảng viên hoặc số CCCD của dòng này đã được ghi cho một người có giá trị khác ở cột này.',
    "This row's party card or citizen ID number is recorded for someone with a different value in this column.",
  ],
  IMPORT_RECORD_DIFFERS: () => [
    'Bản ghi này đã có trong dữ liệu với giá trị khác ở cột này, và tệp nhập không sửa được cột này: hãy đính chính.',
    'This record is already there with a different value in this column, which an import cannot change: correct the record instead.',
  ],
  IMPORT_UNIDENTIFIED_MATCH: () => [
    'Đã có đảng viên cùng họ tên, ngày sinh và ngày vào Đảng nhưng chưa ghi số thẻ hay số CCCD: không nhập trùng.',
    'A member with this name, birth date and admission date is recorded without a card or citizen ID: not doubled.',
  ],
  WIDGET_ATTRIBUTE_REQUIRED: (p: { element: string; field: string }) => [
    `<ketnap-${p.element}> cần "${p.field}".`,
    `<ketnap-${p.element}> needs "${p.field}".`,
  ],
  WIDGET_ATTRIBUTE_UNUSED: (p: { element: string; field: string }) => [
    `<ketnap-${p.element}> không dùng "${p.field}": hãy bỏ đi.`,
    `<ketnap-${p.element}> has no "${p.field}": leave it out.`,
  ],
  PERIOD_TOO_LONG: (p: { years: number }) => [
    `Khoảng thời gian dài tối đa ${p.years} năm.`,
    `A period spans at most ${p.years} years.`,
  ],
  IMPORT_SAME_ROW_TWICE: (p: { row: number }) => [
    `Trùng với dòng ${p.row} của tệp.`,
    `The same as row ${p.row} of the file.`,
  ],
  IMPORT_OUTSIDE_SCOPE: (p: { code: string }) => [
    `Tổ chức "${p.code}" nằm ngoài phạm vi được phép ghi.`,
    `The organisation "${p.code}" is outside the subtree you may write.`,
  ],
  IMPORT_AMBIGUOUS_MATCH: () => [
    'Có nhiều quần chúng cùng họ tên, ngày sinh và chi bộ: ghi Mã ketnap để chỉ rõ người nào.',
    'Several candidates have this name, birth date and cell: give the ketnap ID to say which one.',
  ],
} satisfies Record<string, (p: never) => [vi: string, en: string]>;

/** A broken rule's stable code: the GraphQL enum ViolationCode. */
export type ViolationCode = keyof typeof MESSAGES;

/** The parts a code's message needs: none, or one object with exactly those parts. */
export type ViolationParams<C extends ViolationCode> = Parameters<(typeof MESSAGES)[C]>;

/** Every code, in the order of the table. */
export const violationCodes = Object.keys(MESSAGES) as ViolationCode[];

/** The violation `code` of input `field`, its messages filled in with `params`. */
export function violation<C extends ViolationCode>(code: C, field: string, ...params: ViolationParams<C>): Violation {
  const message = MESSAGES[code] as (p?: unknown) => [string, string];
  const [messageVi, messageEn] = message(params[0]);
  return { code, field, messageVi, messageEn };
}

/**
 * A code's messages with each part shown as `{part}` ("{to} cannot follow {from}; …"): the
 * description of the GraphQL enum value, and what the tests read.
 */
export function messageTemplates(code: ViolationCode): { vi: string; en: string } {
  const parts = new Proxy({}, { get: (_target, part) => `{${String(part)}}` });
  const [vi, en] = (MESSAGES[code] as (p: unknown) => [string, string])(parts);
  return { vi, en };
}
