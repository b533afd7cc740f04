// Bundled with the app: Fieldbook never fetches fonts. Each file covers every script the family has;
// unicode-range means only the subsets a page uses are loaded.
import '@fontsource/literata/400.css';
import '@fontsource/literata/400-italic.css';
import '@fontsource/literata/600.css';
import '@fontsource/literata/600-italic.css';
import '@fontsource/literata/700.css';
import '@fontsource/literata/700-italic.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
