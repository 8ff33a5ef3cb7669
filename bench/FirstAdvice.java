import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;

/**
 * An outside application's start: {@code Advisor.fromClasspath()} then one advice, as in
 * examples/embedding. Prints the milliseconds from main to the advisor being ready and to the first
 * advice; bench/first-advice.sh adds the whole process around it.
 */
public class FirstAdvice {
    public static void main(String[] args) {
        long start = System.nanoTime();
        Advisor advisor = Advisor.fromClasspath();
        long loaded = System.nanoTime();
        Advice advice = advisor.advise(Answers.fromJson("{\"knowledge_change\": \"DAILY\", \"query_variety\": \"WIDE\","
                + " \"monthly_queries\": 50000, \"hosting_infrastructure\": false, \"training_examples\": 500}", "answers.json"));
        long advised = System.nanoTime();
        System.out.println((loaded - start) / 1_000_000 + " " + (advised - start) / 1_000_000 + " " + advice.strategy());
    }
}
