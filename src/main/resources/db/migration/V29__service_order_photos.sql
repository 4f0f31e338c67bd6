-- 服务照片 (docs/service-orders.md): photos the member attaches while serving an order, re-encoded and kept in
-- the platform's photo store (photo_content, a file directory or S3) under the row's id.
create table service_order_photo (
    id       varchar(36)              primary key,
    order_no varchar(32)              not null references service_order (order_no),
    width    integer                  not null,
    height   integer                  not null,
    bytes    integer                  not null,
    added_by varchar(64)              not null,
    added_at timestamp with time zone not null
);
create index service_order_photo_order on service_order_photo (order_no, added_at);
