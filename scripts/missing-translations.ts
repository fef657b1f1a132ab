/**
 * `npm run translations`: what each language's messages lack against English (missing keys,
 * placeholders, plural categories, messages left in English), for whoever translates next.
 */
import { languageFiles, readMessages, translationProblems } from './translations';

const english = await readMessages('en');
let total = 0;
for (const language of languageFiles()) {
  const problems = translationProblems(english, language, await readMessages(language));
  total += problems.length;
  console.log(`${language}: ${problems.length === 0 ? 'complete' : `${problems.length} to do`}`);
  for (const problem of problems) console.log(`  ${problem}`);
}
process.exitCode = total > 0 ? 1 : 0;
