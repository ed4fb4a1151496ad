--liquibase formatted sql

--changeset script-tracker-tests:1
create table liquibase_notes (note varchar(200) not null);
