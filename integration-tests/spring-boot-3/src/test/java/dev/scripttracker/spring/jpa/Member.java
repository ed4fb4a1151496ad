package dev.scripttracker.spring.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "members")
public class Member {

    @Id
    private Long id;
    private String name;
    private String email;
    private String tier;
    /** How many times an upgrade touched this member: a resumed backfill must leave exactly 1. */
    private int upgrades;

    protected Member() {
    }

    public Member(long id, String name, String email) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.tier = "basic";
    }

    public void upgrade() {
        tier = "gold";
        upgrades++;
    }

    public Long getId() {
        return id;
    }
}
