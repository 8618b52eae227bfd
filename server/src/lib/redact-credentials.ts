// Hides the user:password part of every URL in a text before it is logged or shown as a reason.
export const redactCredentials = (text: string): string => text.replace(/\/\/[^/@\s]*@/g, '//***@');
