-- 红黄绿灯: the light of a case is the worst light among its open steps
alter table appeal add column light varchar(8) default 'GREEN' not null;
