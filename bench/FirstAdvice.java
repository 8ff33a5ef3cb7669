import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.Analysis;
import dev.ragft.questionnaire.Answers;

/**
 * An outside application's start: {@code Advisor.fromClasspath()} then one advice, as in
 * examples/embedding. Prints the milliseconds from main to the advisor being ready and to the first
 * advice; bench/first-advice.sh adds the whole process around it. With {@code --analysis}, then the first
 * analysis of that advice ("what would change this") too: its milliseconds and how many rule sessions it ran.
 */
public class FirstAdvice {
    public static void main(String[] args) {
        long start = System.nanoTime();
        Advisor advisor = Advisor.fromClasspath();
        long loaded = System.nanoTime();
        Advice advice = advisor.advise(Answers.fromJson("{\"knowledge_change\": \"DAILY\", \"query_variety\": \"WIDE\","
                + " \"monthly_queries\": 50000, \"hosting_infrastructure\": false, \"training_examples\": 500}", "answers.json"));
        long advised = System.nanoTime();
        String line = (loaded - start) / 1_000_000 + " " + (advised - start) / 1_000_000 + " " + advice.strategy();
        if (args.length > 0 && args[0].equals("--analysis")) {
            Analysis analysis = advisor.analyze(advice);
            line += " " + (System.nanoTime() - advised) / 1_000_000 + " " + analysis.evaluations();
        }
        System.out.println(line);
    }
}
