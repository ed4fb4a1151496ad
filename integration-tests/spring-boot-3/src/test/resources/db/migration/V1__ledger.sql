create table ledger (
    id int primary key,
    account varchar(40) not null,
    amount int not null,
    checked boolean default false not null
);
create table audit_log (note varchar(200) not null);
