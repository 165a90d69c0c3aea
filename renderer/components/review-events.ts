/** Sent when result rows waiting for the clerk change, so the count on the menu follows at once. */
export const REVIEWS_CHANGED = 'giot-hong:reviews-changed';
