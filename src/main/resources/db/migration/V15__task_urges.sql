-- 催办: when each open task was last urged, so the same task is not urged again within the
-- configured period (lianxin.urge.min-interval). One row per task; the primary key makes two
-- urges of one task at the same moment exclusive. The urge itself is in the case log (URGE).
create table task_urge (
    task_id   varchar(64)              primary key,
    urged_at  timestamp with time zone not null,
    urged_by  varchar(64)              not null
);
