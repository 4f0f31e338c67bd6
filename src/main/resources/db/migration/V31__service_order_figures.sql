-- 驾驶舱 · 群众点单 (docs/service-orders.md "驾驶舱里的点单"): when an order was last dispatched, accepted and
-- served, and how long the member took to accept it (from that dispatch), so that the cockpit reads the
-- acceptance time, the active members and the hours served from the order rows, never from the engine's history.
-- Orders from before this migration keep these empty and count as not yet dispatched, accepted or served.
alter table service_order add column dispatched_at timestamp with time zone;
alter table service_order add column accepted_at timestamp with time zone;
alter table service_order add column accept_seconds bigint;
alter table service_order add column served_at timestamp with time zone;

-- the period's accepted, served and closed orders of some villages (the orders placed in the period read
-- service_order_list)
create index service_order_accepted on service_order (village_code, accepted_at);
create index service_order_served on service_order (village_code, served_at);
create index service_order_closed on service_order (village_code, closed_at);
