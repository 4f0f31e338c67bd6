-- The first release queued a step's reminders to cadres as their own templates (DUE_SOON, OVERDUE, URGE);
-- since V13 such a reminder is a cadre notice (CADRE_NOTICE: its kind and number as parameters, its own
-- text in body). A reminder still queued when a county upgrades from that release named a template the
-- sender no longer knows: the claim moved it (and every message claimed with it) to SENDING and reading it
-- failed, so they stayed there unsent (UpgradeFromFirstReleaseIT). They are carried forward as the notices
-- they are now; sent ones too, so every row of the outbox names a template of today.
update notification_outbox
set params   = '{"kind":"' || case template when 'DUE_SOON' then '临期' when 'OVERDUE' then '超期' else '催办' end
                   || '","no":"' || coalesce(tracking_no, '站内消息') || '"}',
    template = 'CADRE_NOTICE'
where template in ('DUE_SOON', 'OVERDUE', 'URGE');
