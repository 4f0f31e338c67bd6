-- 公示栏 (portal/Board…): an opinion given on the board's page carries its form's one-time key, so the
-- same form sent twice (a replayed POST) is stored once. Opinions through /api carry none.
alter table deliberation_opinion add column form_key varchar(100);

create unique index deliberation_opinion_form_key on deliberation_opinion (deliberation_no, form_key);
