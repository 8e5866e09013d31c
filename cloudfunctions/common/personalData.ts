/**
 * The personal-data registry (PIPL arts. 45–47), declared once in miniprogram/shared/personalData.ts so that the
 * privacy policy page states exactly what export and account deletion do; every capability's functions read it
 * from here.
 */
export {
  ERASED_NAME,
  PERSONAL_DATA,
  personalCollections,
  type OwnerRef,
  type PersonalDataEntry,
  type Treatment,
} from '../../miniprogram/shared/personalData';
