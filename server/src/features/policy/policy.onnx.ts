// placeholder, replaced below
export interface LearnedClassifier { classify(text: string): Promise<{ article: string; score: number }[]> }
export async function loadOnnxClassifier(): Promise<LearnedClassifier | null> { return null; }
export async function checkTextWithModel(): Promise<never[]> { return []; }
