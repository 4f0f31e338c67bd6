-- The organisation tree of DESIGN §2: county → town/street → village/community, plus county
-- departments. Camunda's groups are derived from it (<role>-<unit code>).
create table unit (
    code        varchar(16) primary key,
    name        varchar(64) not null,
    kind        varchar(16) not null,
    parent_code varchar(16) references unit (code),
    constraint unit_kind_known check (kind in ('COUNTY', 'TOWN', 'VILLAGE', 'DEPARTMENT'))
);

create index unit_parent on unit (parent_code);
