/**
 * Deployment settings of the mini program. Replace before previewing on a phone or uploading:
 * the AppID lives in project.config.json (`touristappid` placeholder), the CloudBase environment here.
 */

/** CloudBase environment id; empty means the AppID's default environment. */
export const CLOUD_ENV = '';

/**
 * Where the street's big screen (大屏) is served: the static hosting address of `bigscreen/` (CloudBase 静态网站托管,
 * e.g. `https://<env>-<appid>.tcloudbaseapp.com/bigscreen/`); empty means the local cloud's.
 */
export const BIGSCREEN_URL = '';
