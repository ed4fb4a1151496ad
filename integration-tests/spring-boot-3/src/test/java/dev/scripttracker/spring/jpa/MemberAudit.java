package dev.scripttracker.spring.jpa;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Notes that must survive whatever the caller does: a JPA transaction of their own. */
@Service
public class MemberAudit {

    private final MemberNoteRepository notes;

    public MemberAudit(MemberNoteRepository notes) {
        this.notes = notes;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void note(String text) {
        notes.save(new MemberNote(text));
    }
}
