-- 驾驶舱: the top return reasons of a unit and period read the period's returned cases only; without this
-- index PostgreSQL scanned every case of the period to find them (benchmark P4, docs/benchmarks.md)
create index appeal_fact_status_received on appeal_fact (status, received_at);
