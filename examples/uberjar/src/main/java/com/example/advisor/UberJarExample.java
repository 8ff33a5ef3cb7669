package com.example.advisor;

import dev.ragft.Facts;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Answers;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;

/**
 * Runs inside the shaded jar: the application's kbase, which includes ragft's, gives ragft's
 * recommendation and the application's follow-up. Exits with status 1 if either is missing.
 */
public final class UberJarExample {

    private UberJarExample() {
    }

    public static void main(String[] args) {
        KieSession session = KieServices.get().getKieClasspathContainer().newKieSession("advisor-plus-session");
        List<Object> out = new ArrayList<>();
        try {
            Facts.of(Answers.fromJson("{\"knowledge_change\": \"DAILY\", \"query_variety\": \"WIDE\","
                    + " \"monthly_queries\": 50000, \"hosting_infrastructure\": false, \"training_examples\": 500}",
                    "answers.json")).forEach(session::insert);
            session.fireAllRules();
            out.addAll(session.getObjects());
        } finally {
            session.dispose();
        }
        Recommendation recommendation = Facts.recommendation(out);
        boolean followedUp = out.stream().anyMatch(FollowUp.class::isInstance);
        if (recommendation.strategy() != Strategy.RAG || !followedUp) {
            System.err.println("uber-jar example: expected RAG and a follow-up, got " + recommendation.strategy()
                    + (followedUp ? " with" : " without") + " a follow-up");
            System.exit(1);
        }
        System.out.println("uber-jar example: ragft's kbase and the application's rule both ran");
    }
}
