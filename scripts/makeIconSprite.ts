// `npm run icons`: writes components/ui/icons.svg from the icon set (components/ui/iconSet.ts).
import { writeFileSync } from 'node:fs';
import { iconSet, spriteSvg } from '../components/ui/iconSet';

writeFileSync('components/ui/icons.svg', spriteSvg());
console.log(`components/ui/icons.svg: ${Object.keys(iconSet).length} icons`);
