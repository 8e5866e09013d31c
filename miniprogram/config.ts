/**
 * Deployment settings of the mini program. Replace before previewing on a phone or uploading:
 * the AppID lives in project.config.json (`touristappid` placeholder), the CloudBase environment here.
 */

/** CloudBase environment id; empty means the AppID's default environment. */
export const CLOUD_ENV = '';
