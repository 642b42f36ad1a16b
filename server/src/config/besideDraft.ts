/** The files read beside a draft and how much of each at most: the Node build reads them, the browser client for its server. */
export const CONFIG_FILE_NAME = '.shuzhirc.json';

/** A configuration file is a few kilobytes; anything near this is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A picture in a report is a photo or a chart; past this it is not one Word should carry. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
