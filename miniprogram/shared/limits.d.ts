/**
 * Limits both sides know: the functions' zod contracts refuse what exceeds them, and the mini program's forms stop
 * typing there (WXML `maxlength="{{max.title}}"`, from page data). One home per capability, as data (DESIGN.md
 * convention 5); each capability's contract.ts re-exports its own. Bundled into every function and compiled into
 * the mini program, like the calendar beside it.
 */
/** A person's details, wherever they are asked (profile, elders registered by admins, recipients, volunteers). */
export declare const PERSON_LIMITS: {
  readonly realNameMax: 20;
  readonly addressMax: 80;
  /** A mainland mobile number has 11 digits. */
  readonly phoneDigits: 11;
  readonly birthYearMin: 1900;
  readonly birthYearMax: 2026;
  /** A birth year has 4 digits. */
  readonly birthYearDigits: 4;
};
/** Limits of the account capability (DESIGN.md convention 5). */
export declare const ACCOUNT_LIMITS: {
  readonly nicknameMax: 20;
  readonly linkCodeTtlMinutes: 10;
  readonly linkCodeLength: 6;
  readonly orgNameMax: 40;
  readonly orgDescriptionMax: 500;
  readonly searchResults: 20;
  /** A reason given for granting or revoking a role. */
  readonly roleReasonMax: 100;
  /** A search for people by name. */
  readonly searchQueryMax: 20;
  /** How one is related to an elder: 女儿, 邻居. */
  readonly relationMax: 10;
  /** One service an organization offers, and how many it lists. */
  readonly orgServiceMax: 10;
  readonly orgServicesMax: 20;
};
/** Limits of the services capability, declared as data (DESIGN.md convention 5). */
export declare const SERVICES_LIMITS: {
  /** How far ahead a slot can be booked (days, counting today). */
  readonly bookingDays: 14;
  /** A slot can be booked until this many minutes before it starts. */
  readonly leadMinutes: 60;
  /** Provider staff must accept a matched order within this many minutes, or it is re-matched. */
  readonly acceptSlaMinutes: 120;
  /** Re-matchings (declines and SLA expiries) before the order is escalated to the community admin. */
  readonly maxRematches: 2;
  /** An order not accepted this close to its slot is escalated to the admin. */
  readonly escalateBeforeSlotMinutes: 120;
  /** Completed orders without a survey after this many hours appear in the admin's callback list. */
  readonly callbackAfterHours: 24;
  /** Monthly voucher when a community has no policy of its own (fen: 80 yuan). */
  readonly defaultMonthlyVoucherFen: 8000;
  readonly monthlyVoucherMaxFen: 100000;
  readonly priceMaxFen: 100000;
  readonly capacityPerSlotMax: 50;
  readonly itemNameMax: 20;
  readonly itemDescriptionMax: 500;
  readonly unitMax: 6;
  readonly noteMax: 200;
  readonly reasonMax: 100;
  readonly checkOutNotesMax: 500;
  readonly photosMax: 6;
  readonly commentMax: 200;
  readonly demandTextMax: 200;
  /**
   * Check-in needs no reason from this many minutes before the slot starts until `checkInLateMinutes` after it
   * ends, within `checkInRadiusM` metres of the service address; a community's admins may set their own.
   */
  readonly checkInEarlyMinutes: 120;
  readonly checkInLateMinutes: 0;
  readonly checkInRadiusM: 500;
  /** Bounds of what a community may set. */
  readonly checkInEarlyMinutesMax: 720;
  readonly checkInLateMinutesMax: 240;
  readonly checkInRadiusMinM: 100;
  readonly checkInRadiusMaxM: 5000;
  /** The staff member's reason for checking in outside the window or radius. */
  readonly checkInReasonMax: 100;
  /** A check-in outside the rule stays on the admin's overdue/exception list this many days. */
  readonly checkInExceptionDays: 7;
  /** Orders the re-matching timer looks at in one run. */
  readonly rematchBatch: 1000;
};
/** Limits of the capability, as data (DESIGN.md convention 5). Money in whole yuan unless named fen. */
export declare const PROPOSAL_LIMITS: {
  readonly roundTitleMax: 30;
  readonly roundDescriptionMax: 1000;
  readonly totalBudgetMin: 1000;
  readonly totalBudgetMax: 10000000;
  readonly perAuthorMax: 10;
  readonly approvalLimitMax: 20;
  readonly monthsMax: 12;
  readonly titleMax: 30;
  readonly summaryMax: 120;
  readonly detailsMax: 3000;
  readonly budgetLinesMax: 20;
  readonly budgetItemMax: 20;
  readonly coProposersMax: 5;
  readonly coProposerNameMax: 10;
  readonly beneficiariesWhoMax: 40;
  readonly photosMax: 6;
  readonly screeningNoteMax: 200;
  readonly withdrawReasonMax: 100;
  readonly decisionReasonMax: 100;
  readonly reportNoteMax: 500;
  readonly reportPhotosMax: 9;
  readonly spendingItemMax: 30;
  /** Proposals read per round for lists and results (a round's whole field). */
  readonly proposalsPerRoundMax: 200;
  /** Records per project shown on its account. */
  readonly reportsPerProjectMax: 200;
};
/** Limits of the volunteering capability, declared as data (DESIGN.md convention 5). */
export declare const VOL_LIMITS: {
  readonly titleMax: 30;
  readonly descriptionMax: 1000;
  readonly addressMax: 60;
  readonly capacityMax: 500;
  /** Volunteers who may wait for a seat beyond the capacity. */
  readonly waitlistMax: 300;
  /** Sign-up entries an activity keeps (cancellations included), so its document stays small. */
  readonly entriesMax: 2000;
  readonly skillsPerActivity: 5;
  readonly skillsPerVolunteer: 10;
  readonly radiusMinM: 50;
  readonly radiusMaxM: 2000;
  readonly radiusDefaultM: 300;
  readonly durationMinMinutes: 15;
  readonly durationMaxMinutes: number;
  /** How far ahead an activity may be published. */
  readonly horizonDays: 180;
  /** Default cancellation deadline: this long before the start. */
  readonly cancelDeadlineDefaultHours: 24;
  /** Check-in opens this long before the start. */
  readonly checkInOpensMinutes: 60;
  /** A check-out is accepted until this long after the end; later the timer closes it. */
  readonly checkOutGraceMinutes: 120;
  readonly reasonMax: 60;
  readonly introMax: 200;
  /** A certificate's check code as typed on the 查验 page (`7KQ2-M9XD-4HTA-PZ3C`, forgiving spaces). */
  readonly certificateCodeMin: 4;
  readonly certificateCodeMax: 40;
  readonly pageSize: 20;
  /** Activities "near me" and recommendations are ranked among this many upcoming ones. */
  readonly candidatesMax: 200;
  readonly exportRowsMax: 10000;
  readonly exportDaysMax: 366;
  readonly adjustMaxMinutes: number;
};
/** Limits of the charity capability, declared as data (DESIGN.md convention 5). */
export declare const CHARITY_LIMITS: {
  /** Most units one claim or one general-stock gift may carry. */
  readonly claimMax: 50;
  /** Most units a need may ask for. */
  readonly needQuantityMax: 999;
  /** Estimated value per unit, yuan. */
  readonly unitValueMax: 100000;
  readonly storyMax: 200;
  readonly thanksMax: 100;
  readonly itemMax: 20;
  readonly unitMax: 4;
  /** A pledge must be brought within this many days (and before the need's deadline). */
  readonly pledgeDaysMax: 14;
  /** …and no sooner than this many minutes from now (time to get there). */
  readonly pledgeMinutesMin: 60;
  /** Donors are reminded this many hours before their pledge runs out. */
  readonly reminderLeadHours: 24;
  /** A need's deadline is at most this many days ahead. */
  readonly needDaysMax: 90;
  /** Wrong confirmation codes before the delivery must be dispatched again (which issues a new code). */
  readonly confirmAttemptsMax: 5;
  /** Leaves per stored digest part. */
  readonly digestPartSize: 500;
  /** Operator organizations per supermarket. */
  readonly supermarketOrgsMax: 10;
  /** Items per stocktake. */
  readonly stocktakeLinesMax: 100;
  /** Months the statistics look back. */
  readonly statsMonthsMax: 24;
  readonly supermarketNameMax: 30;
  readonly supermarketAddressMax: 60;
  readonly supermarketHoursMax: 40;
  /** Note on how a recipient's consent was recorded. */
  readonly consentNoteMax: 100;
  /** Why a recipient's record changed (or was closed). */
  readonly recipientReasonMax: 100;
  /** Why a need was closed. */
  readonly closeNeedReasonMax: 50;
  /** A donation code as typed (XXXX-XXXX, spaces and dashes forgiven). */
  readonly donationCodeMin: 8;
  readonly donationCodeMax: 12;
  /** A supermarket's phone: digits and dashes. */
  readonly supermarketPhoneMax: 20;
  /** The recipient's confirmation code (收货码) has this many digits. */
  readonly confirmCodeLength: 6;
};
//# sourceMappingURL=limits.d.ts.map
