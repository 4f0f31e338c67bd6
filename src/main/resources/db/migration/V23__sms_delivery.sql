-- SMS through a provider (docs/sms.md): a message keeps its template's named parameters (what the
-- provider is sent), the provider's answer to the send (request id, and the id it reports delivery
-- under), and the delivery receipt: DELIVERED, or FAILED with the carrier's reason in last_error.
alter table notification_outbox add column params varchar(2000);
alter table notification_outbox add column provider_request_id varchar(64);
alter table notification_outbox add column provider_biz_id varchar(64);
alter table notification_outbox add column reported_at timestamp with time zone;

alter table notification_outbox drop constraint notification_status_known;
alter table notification_outbox alter column status set data type varchar(12);
alter table notification_outbox add constraint notification_status_known
    check (status in ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'FAILED'));

-- the sent messages still waiting for their delivery receipt, oldest first
create index notification_awaiting_receipt on notification_outbox (status, sent_at);
