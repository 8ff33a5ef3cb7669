// Run by maven-invoker-plugin after the example's build: the example logged through the host's logback,
// and SLF4J printed no warning (no second provider, no missing binding) on the way.
def log = new File(basedir, 'build.log').text
assert log.contains('app-log INFO EmbeddingExample: embedding example: all checks passed') : 'the example logs through logback'
assert !log.contains('SLF4J(W)') && !log.contains('SLF4J: ') : 'SLF4J printed a warning:\n' + log.readLines().findAll { it.contains('SLF4J') }.join('\n')
assert !log.contains('slf4j-simple') && !log.contains('SimpleLogger') : 'a second SLF4J binding came with ragft-core'
return true
