package cn.lianxin.organisation;

/**
 * One thing wrong in an organisation file, where a person finds it in the spreadsheet.
 *
 * @param sheet {@code 单位} or {@code 人员}; {@code null} for the file as a whole
 * @param row the row as the spreadsheet numbers it (the header is row 1); {@code null} for a whole sheet
 * @param column the column's header; {@code null} for a whole row or sheet
 * @param message what is wrong and how to put it right, in Chinese
 */
record ImportProblem(String sheet, Integer row, String column, String message) {}
