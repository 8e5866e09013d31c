/**
 * Limits both sides know: the functions' zod contracts refuse what exceeds them, and the mini program's forms stop
 * typing there (WXML `maxlength="{{max.title}}"`, from page data). One home per capability, as data (DESIGN.md
 * convention 5); each capability's contract.ts re-exports its own. Bundled into every function and compiled into
 * the mini program, like the calendar beside it.
 */

/** A person's details, wherever they are asked (profile, elders registered by admins, recipients, volunteers). */
export const PERSON_LIMITS = {
  realNameMax: 20,
  addressMax: 80,
  /** A mainland mobile number has 11 digits. */
  phoneDigits: 11,
  birthYearMin: 1900,
  birthYearMax: 2026,
  /** A birth year has 4 digits. */
  birthYearDigits: 4,
} as const;

/** Limits of the account capability (DESIGN.md convention 5). */
export const ACCOUNT_LIMITS = {
  nicknameMax: 20,
  linkCodeTtlMinutes: 10,
  linkCodeLength: 6,
  orgNameMax: 40,
  orgDescriptionMax: 500,
  searchResults: 20,
  /** A reason given for granting or revoking a role. */
  roleReasonMax: 100,
  /** A search for people by name. */
  searchQueryMax: 20,
  /** How one is related to an elder: 女儿, 邻居. */
  relationMax: 10,
  /** One service an organization offers, and how many it lists. */
  orgServiceMax: 10,
  orgServicesMax: 20,
  /** A community hotline: 96890, 025-52101234 or a mobile number. */
  hotlineMax: 13,
  /** When the hotline answers: 每天 8:00–20:00. */
  hotlineHoursMax: 30,
  /** The work number an organization gives a staff member (mobile or landline, digits and dashes). */
  workPhoneMax: 20,
} as const;

/** Limits of the services capability, declared as data (DESIGN.md convention 5). */
export const SERVICES_LIMITS = {
  /** How far ahead a slot can be booked (days, counting today). */
  bookingDays: 14,
  /** A slot can be booked until this many minutes before it starts. */
  leadMinutes: 60,
  /** Provider staff must accept a matched order within this many minutes, or it is re-matched. */
  acceptSlaMinutes: 120,
  /** Re-matchings (declines and SLA expiries) before the order is escalated to the community admin. */
  maxRematches: 2,
  /** An order not accepted this close to its slot is escalated to the admin. */
  escalateBeforeSlotMinutes: 120,
  /** Completed orders without a survey after this many hours appear in the admin's callback list. */
  callbackAfterHours: 24,
  /** Monthly voucher when a community has no policy of its own (fen: 80 yuan). */
  defaultMonthlyVoucherFen: 8000,
  monthlyVoucherMaxFen: 100_000,
  priceMaxFen: 100_000,
  capacityPerSlotMax: 50,
  itemNameMax: 20,
  itemDescriptionMax: 500,
  unitMax: 6,
  noteMax: 200,
  reasonMax: 100,
  checkOutNotesMax: 500,
  photosMax: 6,
  commentMax: 200,
  demandTextMax: 200,
  /**
   * Check-in needs no reason from this many minutes before the slot starts until `checkInLateMinutes` after it
   * ends, within `checkInRadiusM` metres of the service address; a community's admins may set their own.
   */
  checkInEarlyMinutes: 120,
  checkInLateMinutes: 0,
  checkInRadiusM: 500,
  /** Bounds of what a community may set. */
  checkInEarlyMinutesMax: 720,
  checkInLateMinutesMax: 240,
  checkInRadiusMinM: 100,
  checkInRadiusMaxM: 5000,
  /** The staff member's reason for checking in outside the window or radius. */
  checkInReasonMax: 100,
  /** A check-in outside the rule stays on the admin's overdue/exception list this many days. */
  checkInExceptionDays: 7,
  /** Orders the re-matching timer looks at in one run. */
  rematchBatch: 1000,
} as const;

/** Limits of the capability, as data (DESIGN.md convention 5). Money in whole yuan unless named fen. */
export const PROPOSAL_LIMITS = {
  roundTitleMax: 30,
  roundDescriptionMax: 1000,
  totalBudgetMin: 1000,
  totalBudgetMax: 10_000_000,
  perAuthorMax: 10,
  approvalLimitMax: 20,
  monthsMax: 12,
  titleMax: 30,
  summaryMax: 120,
  detailsMax: 3000,
  budgetLinesMax: 20,
  budgetItemMax: 20,
  coProposersMax: 5,
  coProposerNameMax: 10,
  beneficiariesWhoMax: 40,
  photosMax: 6,
  screeningNoteMax: 200,
  withdrawReasonMax: 100,
  decisionReasonMax: 100,
  reportNoteMax: 500,
  reportPhotosMax: 9,
  spendingItemMax: 30,
  /** Proposals read per round for lists and results (a round's whole field). */
  proposalsPerRoundMax: 200,
  /** Records per project shown on its account. */
  reportsPerProjectMax: 200,
} as const;

/** Limits of the volunteering capability, declared as data (DESIGN.md convention 5). */
export const VOL_LIMITS = {
  titleMax: 30,
  descriptionMax: 1000,
  addressMax: 60,
  capacityMax: 500,
  /** Volunteers who may wait for a seat beyond the capacity. */
  waitlistMax: 300,
  /** Sign-up entries an activity keeps (cancellations included), so its document stays small. */
  entriesMax: 2000,
  skillsPerActivity: 5,
  skillsPerVolunteer: 10,
  radiusMinM: 50,
  radiusMaxM: 2000,
  radiusDefaultM: 300,
  durationMinMinutes: 15,
  durationMaxMinutes: 12 * 60,
  /** How far ahead an activity may be published. */
  horizonDays: 180,
  /** Default cancellation deadline: this long before the start. */
  cancelDeadlineDefaultHours: 24,
  /** Check-in opens this long before the start. */
  checkInOpensMinutes: 60,
  /** A check-out is accepted until this long after the end; later the timer closes it. */
  checkOutGraceMinutes: 120,
  reasonMax: 60,
  introMax: 200,
  /** A certificate's check code as typed on the 查验 page (`7KQ2-M9XD-4HTA-PZ3C`, forgiving spaces). */
  certificateCodeMin: 4,
  certificateCodeMax: 40,
  pageSize: 20,
  /** Activities "near me" and recommendations are ranked among this many upcoming ones. */
  candidatesMax: 200,
  exportRowsMax: 10_000,
  exportDaysMax: 366,
  adjustMaxMinutes: 24 * 60,
} as const;

/** Limits of the charity capability, declared as data (DESIGN.md convention 5). */
export const CHARITY_LIMITS = {
  /** Most units one claim or one general-stock gift may carry. */
  claimMax: 50,
  /** Most units a need may ask for. */
  needQuantityMax: 999,
  /** Estimated value per unit, yuan. */
  unitValueMax: 100_000,
  storyMax: 200,
  thanksMax: 100,
  itemMax: 20,
  unitMax: 4,
  /** A pledge must be brought within this many days (and before the need's deadline). */
  pledgeDaysMax: 14,
  /** …and no sooner than this many minutes from now (time to get there). */
  pledgeMinutesMin: 60,
  /** Donors are reminded this many hours before their pledge runs out. */
  reminderLeadHours: 24,
  /** A need's deadline is at most this many days ahead. */
  needDaysMax: 90,
  /** Wrong confirmation codes before the delivery must be dispatched again (which issues a new code). */
  confirmAttemptsMax: 5,
  /** Leaves per stored digest part. */
  digestPartSize: 500,
  /** Operator organizations per supermarket. */
  supermarketOrgsMax: 10,
  /** Items per stocktake. */
  stocktakeLinesMax: 100,
  /** Months the statistics look back. */
  statsMonthsMax: 24,
  supermarketNameMax: 30,
  supermarketAddressMax: 60,
  supermarketHoursMax: 40,
  /** Note on how a recipient's consent was recorded. */
  consentNoteMax: 100,
  /** Why a recipient's record changed (or was closed). */
  recipientReasonMax: 100,
  /** Why a need was closed. */
  closeNeedReasonMax: 50,
  /** A donation code as typed (XXXX-XXXX, spaces and dashes forgiven). */
  donationCodeMin: 8,
  donationCodeMax: 12,
  /** A supermarket's phone: digits and dashes. */
  supermarketPhoneMax: 20,
  /** The recipient's confirmation code (收货码) has this many digits. */
  confirmCodeLength: 6,
} as const;

/** Limits of the 爱心积分 ledger (volunteering earns, charity spends). */
export const POINTS_LIMITS = {
  pointsPerHourMax: 100,
  expiryYearsMax: 10,
  /** Star levels 一星 … 五星 (thresholds in cumulative verified hours). */
  starLevels: 5,
  starHoursMax: 100_000,
  /** An admin adjustment, either way. */
  adjustMax: 10_000,
  /** One gift of points to a need. */
  needGiftMax: 10_000,
  merchantNameMax: 20,
  merchantKindMax: 10,
  merchantAddressMax: 60,
  merchantStaffMax: 5,
  reasonMax: 60,
  goodsNameMax: 20,
  goodsNoteMax: 60,
  priceMax: 100_000,
  stockMax: 10_000,
  /** A reservation code as scanned: `<goods id>.<reservation id>`. */
  redemptionCodeMax: 100,
} as const;

/** Limits of the rooms capability (活动室), declared as data (DESIGN.md convention 5). */
export const ROOMS_LIMITS = {
  nameMax: 20,
  rulesMax: 300,
  accessNoteMax: 40,
  equipmentItemMax: 10,
  equipmentMax: 12,
  photosMax: 6,
  /** Where pages upload a room's photos: `rooms/<uploader's user id>/…` (only one's own are accepted). */
  photoFolder: 'rooms',
  capacityMax: 200,
  /** Slot lengths a room may have, minutes. */
  slotMinutesChoices: [30, 60, 90, 120],
  /** Consecutive slots one booking may take. */
  slotsPerBookingMax: 4,
  purposeMax: 30,
  /** How far ahead a slot can be booked (days, counting today). */
  horizonDays: 14,
  /** A person's hours a week in one room, by default (a room may set 30 minutes to 40 hours). */
  weeklyMinutesDefault: 240,
  weeklyMinutesMin: 30,
  weeklyMinutesMax: 40 * 60,
  /** A booking may be cancelled until this long before it starts, by default (a room may set 0 to 48 hours). */
  cancelBeforeMinutesDefault: 120,
  cancelBeforeMinutesMax: 48 * 60,
  /** Check-in opens this long before a booking starts, and stays open until it ends. */
  checkInEarlyMinutes: 15,
  /** No-shows within `noShowWindowDays` that pause booking, and for how long. */
  noShowThreshold: 3,
  noShowWindowDays: 30,
  pauseDays: 14,
  closureReasonMax: 30,
  /** A turn on duty counts as volunteering time up to this long (a longer one is a lock forgotten). */
  dutyMinutesMax: 12 * 60,
  /** A closure is at most this many days long. */
  closureDaysMax: 60,
  closuresMax: 30,
  teamNameMax: 20,
  memberNameMax: 10,
  membersMax: 60,
  /** Teams holding a weekly slot in one room. */
  teamsPerRoomMax: 20,
  managersPerRoomMax: 5,
  issueMax: 200,
  /** A booking's check-in code has this many digits. */
  codeLength: 6,
  pageSize: 20,
  /** Weeks the admin's heat map and no-show rate look back. */
  statsWeeks: 4,
} as const;

/** Limits of the purchased-service projects capability (公益创投 / 政府购买服务): pool, calls, bids, review. */
export const PROJECTS_LIMITS = {
  /** Where pages upload pool documents: `projects/<uploader's user id>/…` (only one's own are accepted). */
  uploadFolder: 'projects',
  orgNameMax: 40,
  registrationNoLength: 18,
  fieldsMax: 8,
  fieldMax: 10,
  contactNameMax: 20,
  documentsMax: 6,
  documentNameMax: 30,
  checklistMax: 12,
  checklistLabelMax: 30,
  noteMax: 60,
  reasonMax: 120,
  titleMax: 40,
  categoryMax: 10,
  descriptionMax: 500,
  targetGroupsMax: 6,
  targetGroupMax: 10,
  communitiesMax: 30,
  demandsMax: 30,
  indicatorsMax: 8,
  indicatorLabelMax: 30,
  unitMax: 6,
  termsMax: 4,
  criteriaMax: 8,
  criterionLabelMax: 20,
  /** A criterion is scored 0 to at most this. */
  criterionMaxMax: 100,
  reviewersMax: 9,
  supervisorsMax: 3,
  supervisorNameMax: 30,
  /** Ceiling of one call, fen (5,000,000 yuan). */
  budgetMaxFen: 500_000_000,
  complaintDaysMax: 15,
  complaintDaysDefault: 5,
  passScoreDefault: 60,
  planMax: 2000,
  budgetLinesMax: 12,
  budgetLabelMax: 20,
  teamMax: 10,
  teamNameMax: 10,
  teamRoleMax: 10,
  qualificationMax: 30,
  commentMax: 200,
  complaintMax: 500,
  answerMax: 500,
  /** A pool entry's credit value when it is admitted (the second half's rules change it). */
  creditStart: 80,
  pageSize: 20,
} as const;

/** Limits of purchased-service contracts after the award (projects: reports, visits, spending, evaluation). */
export const PROJECTS_TRACKING_LIMITS = {
  filesFolder: 'projects',
  filesMax: 9,
  noteMax: 300,
  indicatorsMax: 12,
  reportValueMax: 1_000_000,
  /** One spending record is at most 1,000,000 yuan. */
  amountFenMax: 100_000_000,
  pageSize: 20,
} as const;

/** Limits of the reports capability (随手拍 and grid reports). */
export const REPORTS_LIMITS = {
  gridNameMax: 20,
  buildingMax: 20,
  buildingsMax: 60,
  /** A grid's boundary: a ring of 3 to 100 corners. */
  boundaryPointsMin: 3,
  boundaryPointsMax: 100,
  /** A grid team: one 网格长, at least two 网格员, any number of 信息联络员 up to this. */
  teamMax: 40,
  departmentNameMax: 20,
  staffMax: 30,
  matterNameMax: 30,
  categoryMax: 10,
  /** Hours a matter gives its department to respond and to resolve. */
  hoursMax: 24 * 90,
  descriptionMax: 200,
  addressMax: 60,
  noteMax: 100,
  photosMax: 4,
  /** Where pages upload report photos: `reports/<uploader's user id>/…` (only one's own are accepted). */
  photoFolder: 'reports',
  /** Reports one person may submit a day (merged ones count too: each took a slot). */
  perDay: 20,
  /** An open report of the same matter this close, reported within `mergeDays`, is the same problem. */
  mergeMetres: 100,
  mergeDays: 7,
  /** "Reports near me": this far, nearest first. */
  nearMetres: 3000,
  nearMax: 50,
  /** A resolved report closes by itself this many days after nobody confirmed or reopened it. */
  autoCloseDays: 7,
  /** Open311 blurs locations to this many decimals (about 100 m). */
  blurDecimals: 3,
} as const;

/** Limits of a person's rights over their data (PIPL arts. 44–47). */
export const PRIVACY_LIMITS = {
  /** Days between asking to delete an account and the deletion; logging in cancels it. */
  erasureCoolingDays: 15,
  /** How long an export waits to be opened, in minutes; then its files are deleted. */
  exportTtlMinutes: 60,
  /** How long the download links of an opened export work, in minutes. */
  exportLinkMinutes: 10,
  /** What an admin writes down about an elder's consent. */
  consentNoteMax: 100,
  /** Days a message centre message is kept once read (from when it came). */
  inboxReadKeptDays: 90,
  /** Days any message centre message is kept, read or not. */
  inboxKeptDays: 365,
} as const;
