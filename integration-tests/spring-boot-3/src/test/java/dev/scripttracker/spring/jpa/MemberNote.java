package dev.scripttracker.spring.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "member_notes")
public class MemberNote {

    @Id
    private String id;
    private String note;

    protected MemberNote() {
    }

    public MemberNote(String note) {
        this.id = UUID.randomUUID().toString();
        this.note = note;
    }
}
