-- A log entry is a heading plus whole form fields (a result of up to 2000 characters, minutes of up to
-- 4000, a list of return reasons with basis and alternatives): 2000 characters were too few, and the
-- step that wrote a long field failed at the database instead of being logged.
alter table appeal_log alter column entry set data type varchar(20000);
alter table deliberation_log alter column entry set data type varchar(20000);
