package dev.scripttracker.spring.fleet;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One instance of a fleet that starts together with {@code scripttracker.run-pending=true}; exits once started. */
@SpringBootApplication
public class FleetApplication {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FleetApplication.class)
                .web(WebApplicationType.NONE).run(args)) {
            System.out.println("fleet instance started");
        }
    }
}
