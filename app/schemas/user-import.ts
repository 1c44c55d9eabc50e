// Limits and the column line of the user import, shared by the page (which shows them, in the
// browser too) and the import model. Kept out of *.server.* files, which the browser never gets.
export const IMPORT_MAX_BYTES = 512 * 1024;
export const IMPORT_MAX_ROWS = 1000;
/** name_hi (the name in Devanagari, for Hindi pages) is optional; a file without the column imports as before. */
export const IMPORT_HEADER = "name,username,role,district_or_department,district_role,name_hi";
