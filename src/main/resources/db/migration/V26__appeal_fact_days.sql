-- 驾驶舱 daily roll-ups of appeal_fact (benchmark P4: a county's 12 months read ≈ 1,100 + 30,000 small rows
-- here instead of every fact of the period). One row per Beijing day of intake × unit: a village's row sums
-- the facts of its cases, a department's row the facts of the cases it took a part of (appeal_fact_dept).
-- Kept by appeal/CaseFacts in the transaction that changes a fact — the case's old contribution out, its
-- new one in, as upserts that add to the row (DailyTallies) — and rebuilt whole from appeal_fact by
-- V26_1 and by DailyTallies.rebuild after a bulk fix of the facts.
create table appeal_day (
    received_on       date        not null,
    -- VILLAGE or DEPT
    unit_kind         varchar(8)  not null,
    unit_code         varchar(32) not null,
    received          bigint      not null,
    responded_in_time bigint      not null,
    closed            bigint      not null,
    -- closed and never red
    closed_on_time    bigint      not null,
    -- working days of the closed cases whose working days are known, and how many they are
    closed_days_sum   bigint      not null,
    closed_days_count bigint      not null,
    evaluated         bigint      not null,
    -- SATISFIED or BASICALLY_SATISFIED
    satisfied         bigint      not null,
    reopened          bigint      not null,
    -- closed now, or reopened (closed at least once)
    closed_once       bigint      not null,
    returned          bigint      not null,
    supervised        bigint      not null,
    supervised_closed bigint      not null,
    supervised_open   bigint      not null,
    primary key (received_on, unit_kind, unit_code)
);

-- the same days and units by channel, by category and by path (a case without a path counts for none), and
-- the reasons told on their returned cases, each as often as it was told
create table appeal_day_count (
    received_on date        not null,
    unit_kind   varchar(8)  not null,
    unit_code   varchar(32) not null,
    -- CHANNEL, CATEGORY, PATH or REASON
    dimension   varchar(8)   not null,
    item        varchar(500) not null,
    cases       bigint      not null,
    primary key (received_on, unit_kind, unit_code, dimension, item)
);
