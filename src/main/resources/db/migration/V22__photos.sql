-- 照片与凭证 (docs/evidence.md): the photos of a case — the citizen's with the request (CITIZEN), the
-- cadres' before (BEFORE, 办理前) and after (AFTER, 办理后) handling. Every photo was re-encoded as a plain
-- JPEG before it got here (no EXIF, no GPS). Its bytes are kept by the configured store: in the default
-- one, photo_content below (keyed by the photo's id); with lianxin.photos.store=file, in a directory.
create table appeal_photo (
    id          varchar(36)              primary key,
    tracking_no varchar(32)              not null references appeal (tracking_no),
    stage       varchar(16)              not null,
    width       integer                  not null,
    height      integer                  not null,
    byte_size   integer                  not null,
    added_by    varchar(64)              not null,
    added_at    timestamp with time zone not null
);

create index appeal_photo_case on appeal_photo (tracking_no, stage, added_at);

create table photo_content (
    photo_key varchar(36) primary key,
    content   bytea       not null
);
