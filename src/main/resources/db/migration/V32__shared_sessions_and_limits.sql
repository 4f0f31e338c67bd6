-- Several nodes (docs/operations.md "Several nodes"): what each node used to keep in its own memory
-- lives here, so that a request may land on any node.

-- the servlet sessions (Tasklist/Cockpit sign-in and CSRF token, the portal's): Spring Session JDBC's
-- own tables as its schema-postgresql.sql has them (BYTEA is H2's VARBINARY too); expired sessions are
-- deleted by each node every minute (spring.session.jdbc.cleanup-cron)
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- 公开接口限流 (citizen/PublicLimits): one token bucket per limit and key, kept as the time at which
-- it is full again (epoch nanoseconds of the nodes' clocks); the key is an HMAC of the client's
-- address or the case number, never the address itself. A row whose bucket is full is deleted.
create table public_limit (
    limit_name  varchar(32) not null,
    key_digest  varchar(64) not null,
    full_at     bigint      not null,
    refused     boolean     not null default false,
    constraint public_limit_pk primary key (limit_name, key_digest)
);

create index public_limit_full_at on public_limit (full_at);

-- 登录限速 (system/SignInThrottle): failed sign-ins per (user, address), per address and per user,
-- keyed by an HMAC; a counter quiet for lianxin.sign-in.forget-after is deleted.
create table sign_in_failure (
    key_digest     varchar(64)              not null,
    failures       integer                  not null,
    last_failed_at timestamp with time zone not null,
    constraint sign_in_failure_pk primary key (key_digest)
);

create index sign_in_failure_last on sign_in_failure (last_failed_at);
