-- The lists page newest first and go on after a row (keyset), so each page reads one short index
-- range however many rows there are and however deep the page:
-- /api/cases of a village (a town's villages are read one range each and merged) ...
create index appeal_village_newest on appeal (village_code, created_at, tracking_no);
-- ... and of every village (leaders, supervisors), read backwards
create index appeal_newest on appeal (created_at, tracking_no);
-- /api/notices: a village's board, with the id that orders notices opened at the same moment
create index deliberation_notice_newest on deliberation_notice (village_code, opens_at, id);
drop index deliberation_notice_board;
