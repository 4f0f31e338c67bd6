package cn.lianxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lianxin 连心: the platform's single Spring Boot application. */
@SpringBootApplication
public class LianxinApplication {

    public static void main(String[] args) {
        SpringApplication.run(LianxinApplication.class, args);
    }
}
