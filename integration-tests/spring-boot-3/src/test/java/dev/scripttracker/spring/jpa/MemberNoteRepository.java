package dev.scripttracker.spring.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberNoteRepository extends JpaRepository<MemberNote, String> {
}
