package dev.scripttracker.spring.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberRepository extends JpaRepository<Member, Long> {

    long countByTier(String tier);
}
