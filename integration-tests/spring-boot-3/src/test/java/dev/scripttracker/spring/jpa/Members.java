package dev.scripttracker.spring.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The application's own JPA service, as scripts find it. */
@Service
public class Members {

    private final MemberRepository repository;
    @PersistenceContext
    private EntityManager entityManager;

    public Members(MemberRepository repository) {
        this.repository = repository;
    }

    /** Saved now, written at the flush before the commit (merge of an assigned id: a select, then an insert). */
    @Transactional
    public void enrol(long id, String name, String email) {
        repository.save(new Member(id, name, email));
    }

    /** Saves, then fails: what it saved stands or falls with the transaction it joined. */
    @Transactional
    public void enrolThenFail(long id, String name, String email) {
        repository.save(new Member(id, name, email));
        throw new IllegalArgumentException("member " + id + " was enrolled, then the service failed");
    }

    /** Loaded, changed, written by Hibernate's dirty checking at the flush. */
    @Transactional
    public int upgrade(List<Object> ids) {
        List<Member> members = repository.findAllById(ids.stream().map(id -> ((Number) id).longValue()).toList());
        members.forEach(Member::upgrade);
        return members.size();
    }

    /** A JPQL query: Hibernate flushes the pending inserts before it, on the same connection. */
    @Transactional(readOnly = true)
    public long count() {
        return entityManager.createQuery("select count(m) from Member m", Long.class).getSingleResult();
    }
}
