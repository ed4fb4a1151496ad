package dev.scripttracker.spring.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The JPA sample: members kept by Spring Data JPA repositories and {@code @Transactional} JPA
 * services ({@code JpaTransactionManager}, Hibernate), with one-off scripts as beans (package
 * {@code scripts}) that work through them.
 */
@SpringBootApplication
public class MembersApplication {
}
