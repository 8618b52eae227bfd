// Ground truth for elephants_openimages_dev: which photos show live elephants and which a picture or sculpture of one.
/** Open Images ids (the file name's first part) of the photos whose elephants are drawn, painted or sculpted. */
export const ARTWORK_ELEPHANTS: Readonly<Record<string, string>> = {
  '00d7e7f1e96cb9df': 'painted billboard by a road',
  '34639ff1cc3499d0': 'life-size statues in a park pond',
  '4333157b6287b8a0': 'engraving on paper',
  '504a63f37364403d': 'yellow wicker furniture',
  '76b61bd5960a322f': 'painted fibreglass statue on a pavement',
  '9b1b714512760bb4': 'etching of an elephant with a rider',
  b98b4a9d5185c45a: 'banknote engraving',
  bb885398871896c9: 'digital collage in a painted room',
  c3a42fd8c3271f9c: 'plush toy on a desk',
  cfdceec27f64b9fb: 'clay figurines on a table',
  d74c98230ff6a698: 'concrete statue children sit on',
  ee0c00538c19547d: 'stone relief carving',
};

/** The Open Images id a Roboflow export file name starts with. */
export const openImagesId = (file: string): string => file.split('_')[0]!;
