create table members (
    id bigint primary key,
    name varchar(40) not null,
    email varchar(80) not null unique,
    tier varchar(20) not null,
    upgrades int not null
);
create table member_notes (
    id varchar(36) primary key,
    note varchar(200) not null
);
